import { Marked, Renderer, type Tokens } from 'marked';

/** Channels that take the Teams HTML subset rather than Markdown in message text. */
const HTML_CHANNELS = new Set(['msteams']);

function escapeHtml(text: string): string {
  return text
    .replace(/&(?!(?:[a-z]+|#\d+);)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

// Teams message HTML supports a small set of tags; anything else (raw HTML in the Markdown,
// images, headings) is rendered as text or a supported equivalent.
class TeamsHtmlRenderer extends Renderer {
  override html({ text }: Tokens.HTML | Tokens.Tag): string {
    return escapeHtml(text);
  }
  override heading({ tokens }: Tokens.Heading): string {
    return `<p><b>${this.parser.parseInline(tokens)}</b></p>`;
  }
  override image({ text }: Tokens.Image): string {
    return escapeHtml(text);
  }
  override link({ href, tokens }: Tokens.Link): string {
    const label = this.parser.parseInline(tokens);
    return /^https?:\/\//i.test(href) ? `<a href="${escapeHtml(href)}">${label}</a>` : label;
  }
}

const teamsMarked = new Marked({ renderer: new TeamsHtmlRenderer(), gfm: true, breaks: false, async: false });

/**
 * Renders a Markdown reply for a channel: Teams gets its HTML subset (textFormat "xml"), every other
 * channel (Web Chat, Emulator, the terminal chat) gets the Markdown, which they render themselves.
 */
export function renderForChannel(markdown: string, channelId: string | undefined): { text: string; textFormat: 'markdown' | 'xml' } {
  if (channelId && HTML_CHANNELS.has(channelId)) {
    return { text: (teamsMarked.parse(markdown) as string).trim(), textFormat: 'xml' };
  }
  return { text: markdown, textFormat: 'markdown' };
}
