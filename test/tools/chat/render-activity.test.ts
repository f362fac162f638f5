import { strict as assert } from 'node:assert';
import type { Activity } from 'botbuilder';
import { renderActivity, renderReplies } from '../../../tools/chat/render-activity';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

function adaptiveMessage(content: unknown, text?: string): Partial<Activity> {
  return {
    type: 'message',
    ...(text === undefined ? {} : { text }),
    attachments: [{ contentType: ADAPTIVE, content }],
  };
}

/** What the supportability check sends at the end: verdict, facts and Teams-style imBack buttons. */
const verdictCard = {
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text: 'Supportability verdict', size: 'Large', weight: 'Bolder', wrap: true },
    { type: 'TextBlock', text: 'Not supported', weight: 'Bolder', color: 'Attention' },
    {
      type: 'TextBlock',
      text: 'A **front-end** server must not run on a cluster node &amp; needs no mailbox stores.',
      wrap: true,
    },
    {
      type: 'FactSet',
      facts: [
        { title: 'Front-end', value: 'EXFE01 (Exchange 2003 SP2)' },
        { title: 'Back-end', value: 'EXCLUS-VS1' },
        { title: 'Clustered front-end', value: '**Yes**' },
      ],
    },
  ],
  actions: [
    { type: 'Action.Submit', title: 'Check my setup', data: { msteams: { type: 'imBack', value: 'Check my setup' } } },
    { type: 'Action.Submit', title: 'Why?', data: { msteams: { type: 'imBack', value: 'Why is it not supported?' } } },
    { type: 'Action.Submit', title: 'Start over', data: { msteams: { type: 'imBack', value: 'start over' } } },
  ],
};

describe('renderActivity', () => {
  it('renders a verdict card with headings, facts and numbered imBack buttons', () => {
    const rendered = renderActivity(adaptiveMessage(verdictCard));
    assert.deepEqual(rendered.lines, [
      '== Supportability verdict ==',
      'NOT SUPPORTED',
      'A front-end server must not run on a cluster node & needs no mailbox stores.',
      'Front-end: EXFE01 (Exchange 2003 SP2)',
      'Back-end: EXCLUS-VS1',
      'Clustered front-end: Yes',
      '[1] Check my setup',
      '[2] Why?',
      '[3] Start over',
    ]);
    assert.deepEqual(rendered.buttons, [
      { title: 'Check my setup', send: { text: 'Check my setup' } },
      { title: 'Why?', send: { text: 'Why is it not supported?' } },
      { title: 'Start over', send: { text: 'start over' } },
    ]);
  });

  it('renders ActionSets, Submit data, links, ShowCard, columns and unknown elements', () => {
    const card = {
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        {
          type: 'Container',
          items: [
            {
              type: 'ColumnSet',
              columns: [
                { type: 'Column', items: [{ type: 'Image', url: 'https://example.test/ok.png', altText: 'OK' }] },
                { type: 'Column', items: [{ type: 'TextBlock', text: 'Back-end cluster looks fine' }] },
              ],
            },
            {
              type: 'RichTextBlock',
              inlines: [
                { type: 'TextRun', text: 'Run ' },
                { type: 'TextRun', text: 'eseutil /mh', fontType: 'Monospace' },
              ],
            },
          ],
        },
        { type: 'Input.Text', id: 'server', label: 'Server name' },
        { type: 'Media', sources: [] },
        { type: 'Future.Element', fallback: 'drop' },
        { type: 'Future.Element', fallback: { type: 'TextBlock', text: 'Fallback text' } },
        { type: 'TextBlock', text: 'Hidden', isVisible: false },
        {
          type: 'ActionSet',
          actions: [
            { type: 'Action.Submit', title: 'Yes, clustered', data: { step: 'cluster', answer: 'yes' } },
            { type: 'Action.Submit', title: 'Say hello', data: 'hello' },
            { type: 'Action.OpenUrl', title: 'KB 329938', url: 'https://support.example.test/kb/329938' },
          ],
        },
      ],
      actions: [
        {
          type: 'Action.ShowCard',
          title: 'More options',
          card: {
            type: 'AdaptiveCard',
            body: [{ type: 'TextBlock', text: 'Pick one' }],
            actions: [{ type: 'Action.Submit', title: 'No cluster', data: { step: 'cluster', answer: 'no' } }],
          },
        },
        { type: 'Action.Submit', title: 'Plain submit' },
        { type: 'Action.ToggleVisibility', title: 'Details' },
      ],
    };
    const rendered = renderActivity(adaptiveMessage(card));
    assert.deepEqual(rendered.lines, [
      '[image: OK]  Back-end cluster looks fine',
      'Run eseutil /mh',
      '[Input.Text: Server name]',
      '[Media]',
      'Fallback text',
      '[1] Yes, clustered',
      '[2] Say hello',
      'KB 329938 (https://support.example.test/kb/329938)',
      'More options:',
      '  Pick one',
      '  [3] No cluster',
      '[4] Plain submit',
      '[Action.ToggleVisibility: Details]',
    ]);
    assert.deepEqual(rendered.buttons, [
      { title: 'Yes, clustered', send: { value: { step: 'cluster', answer: 'yes' } } },
      { title: 'Say hello', send: { text: 'hello' } },
      { title: 'No cluster', send: { value: { step: 'cluster', answer: 'no' } } },
      { title: 'Plain submit', send: { value: {} } },
    ]);
  });

  it('stacks columns that do not fit on one line and keeps their buttons in order', () => {
    const card = {
      type: 'AdaptiveCard',
      body: [
        {
          type: 'ColumnSet',
          columns: [
            { items: [{ type: 'TextBlock', text: 'Left\nsecond line' }] },
            {
              items: [{ type: 'ActionSet', actions: [{ type: 'Action.Submit', title: 'Go', data: { go: true } }] }],
            },
          ],
        },
      ],
    };
    const rendered = renderActivity(adaptiveMessage(JSON.stringify(card)), 5);
    assert.deepEqual(rendered.lines, ['Left', 'second line', '[5] Go']);
    assert.deepEqual(rendered.buttons, [{ title: 'Go', send: { value: { go: true } } }]);
  });

  it('renders a hero card with imBack, postBack, messageBack and openUrl buttons', () => {
    const rendered = renderActivity({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.hero',
          content: {
            title: 'Front-end and back-end',
            subtitle: 'Exchange 2003',
            text: 'Front-end servers proxy *HTTP*, POP3 and IMAP4 to back-end servers.',
            images: [{ url: 'https://example.test/topology.png', alt: 'Topology diagram' }],
            buttons: [
              { type: 'imBack', title: 'Tell me more', value: 'tell me more about front-end servers' },
              { type: 'postBack', title: 'Rate 5', value: { rating: 5 } },
              { type: 'messageBack', title: 'Next', text: 'next', displayText: 'Next topic', value: { topic: 2 } },
              { type: 'openUrl', title: 'Docs', value: 'https://learn.example.test/exchange' },
            ],
          },
        },
      ],
    });
    assert.deepEqual(rendered.lines, [
      '[image: Topology diagram]',
      '== Front-end and back-end ==',
      'Exchange 2003',
      'Front-end servers proxy HTTP, POP3 and IMAP4 to back-end servers.',
      '[1] Tell me more',
      '[2] Rate 5',
      '[3] Next',
      'Docs (https://learn.example.test/exchange)',
    ]);
    assert.deepEqual(rendered.buttons, [
      { title: 'Tell me more', send: { text: 'tell me more about front-end servers' } },
      { title: 'Rate 5', send: { value: { rating: 5 } } },
      { title: 'Next', send: { text: 'next', value: { topic: 2 } } },
    ]);
  });

  it('renders suggested actions after the text', () => {
    const rendered = renderActivity({
      type: 'message',
      text: 'What would you like to do?',
      suggestedActions: {
        to: [],
        actions: [
          { type: 'imBack', title: 'Check my setup', value: 'Check my setup' },
          { type: 'postBack', title: 'Ask a question', value: 'ask' },
        ],
      },
    });
    assert.deepEqual(rendered.lines, ['What would you like to do?', '[1] Check my setup', '[2] Ask a question']);
    assert.deepEqual(rendered.buttons, [
      { title: 'Check my setup', send: { text: 'Check my setup' } },
      { title: 'Ask a question', send: { text: 'ask' } },
    ]);
  });

  it('strips Markdown and HTML from message text but keeps placeholders and identifiers', () => {
    const rendered = renderActivity({
      type: 'message',
      text: [
        '## Front-end servers',
        '**Bold** and __strong__ and *italic* and <b>html bold</b> &amp; <i>more</i><br>next line',
        '* bullet with `code`',
        'See [KB 280132](https://support.example.test/kb/280132) or <a href="https://example.test/x">this</a>.',
        'Run eseutil /p <database path> on front_end_server; 2 * 3 * 4 &lt;ok&gt; &#8212; &amp;lt;',
        '',
        '',
        '\\*not italic\\*',
      ].join('\r\n'),
    });
    assert.deepEqual(rendered.lines, [
      '== Front-end servers ==',
      'Bold and strong and italic and html bold & more',
      'next line',
      '- bullet with code',
      'See KB 280132 (https://support.example.test/kb/280132) or this (https://example.test/x).',
      'Run eseutil /p <database path> on front_end_server; 2 * 3 * 4 <ok> — &lt;',
      '',
      '*not italic*',
    ]);
    assert.deepEqual(rendered.buttons, []);
  });

  it('leaves plain-format text alone', () => {
    const rendered = renderActivity({ type: 'message', textFormat: 'plain', text: '**literal** &amp;' });
    assert.deepEqual(rendered.lines, ['**literal** &amp;']);
  });

  it('ignores typing, and names unknown activity and attachment types', () => {
    assert.deepEqual(renderActivity({ type: 'typing' }), { lines: [], buttons: [] });
    assert.deepEqual(renderActivity({ type: 'endOfConversation' }).lines, ['[endOfConversation]']);
    assert.deepEqual(
      renderActivity({
        type: 'message',
        attachments: [{ contentType: 'application/pdf', name: 'guide.pdf', contentUrl: 'https://example.test/guide.pdf' }],
      }).lines,
      ['[attachment application/pdf: guide.pdf] (https://example.test/guide.pdf)'],
    );
  });
});

describe('renderReplies', () => {
  it('numbers buttons across all replies of a turn and skips typing', () => {
    const turn = renderReplies([
      { type: 'typing' },
      {
        type: 'message',
        text: 'Here is the verdict.',
        suggestedActions: { to: [], actions: [{ type: 'imBack', title: 'Thanks', value: 'thanks' }] },
      },
      adaptiveMessage(verdictCard),
    ]);
    assert.equal(turn.messages.length, 2);
    assert.deepEqual(turn.messages[0]?.lines, ['Here is the verdict.', '[1] Thanks']);
    assert.deepEqual(turn.messages[1]?.lines.slice(-3), ['[2] Check my setup', '[3] Why?', '[4] Start over']);
    assert.deepEqual(
      turn.buttons.map((button) => [button.title, button.send]),
      [
        ['Thanks', { text: 'thanks' }],
        ['Check my setup', { text: 'Check my setup' }],
        ['Why?', { text: 'Why is it not supported?' }],
        ['Start over', { text: 'start over' }],
      ],
    );
  });
});
