/**
 * `npm run chat`: talk to the locally running bot from a terminal. Thin CLI
 * around {@link ChatSession}; everything worth testing lives there.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { resolveBotUrl } from './bot-endpoint';
import { ChatSession } from './chat-session';
import type { ChatButton, RenderedTurn } from './render-activity';

const USAGE = `Usage: npm run chat [-- --url http://127.0.0.1:3978/api/messages]

Chats with the bot started by \`npm start\`. The URL defaults to BOT_URL, or
http://127.0.0.1:\${PORT:-3978}/api/messages.

In the chat: type a message, type a button's number to press it, /quit or Ctrl-D to leave.`;

const BOT_PREFIX = 'bot> ';
const CONTINUATION = ' '.repeat(BOT_PREFIX.length);

/** Formats a turn for the terminal: each reply starts with "bot> ", its further lines are indented under it. */
export function formatTurn(turn: RenderedTurn): string[] {
  if (turn.messages.length === 0) return [`${BOT_PREFIX}(no reply)`];
  return turn.messages.flatMap((message) => message.lines.map((line, index) => (index === 0 ? BOT_PREFIX : line === '' ? '' : CONTINUATION) + line));
}

/** Runs the interactive chat; resolves with the process exit code. */
export async function runTerminalChat(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  io: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream; error: NodeJS.WritableStream },
): Promise<number> {
  const print = (lines: string[]) => io.output.write(lines.map((line) => `${line}\n`).join(''));
  let session: ChatSession;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { url: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      print([USAGE]);
      return 0;
    }
    session = new ChatSession({ url: resolveBotUrl(values.url, env) });
  } catch (error) {
    io.error.write(`${errorMessage(error)}\n\n${USAGE}\n`);
    return 2;
  }

  print([`Chatting with ${session.url} — type a button's number to press it, /quit or Ctrl-D to leave.`, '']);
  try {
    print(formatTurn(await session.start()));
  } catch (error) {
    // Failing on the very first request almost always means the bot isn't running, so stop rather than prompt.
    io.error.write(`${errorMessage(error)}\n`);
    return 1;
  }

  const rl = createInterface({ input: io.input, output: io.output, prompt: 'you> ' });
  rl.on('SIGINT', () => rl.close());
  rl.prompt();
  let quitByCommand = false;
  for await (const line of rl) {
    const typed = line.trim();
    if (typed === '/quit') {
      quitByCommand = true;
      break;
    }
    if (typed !== '') {
      const input = session.resolveInput(typed);
      if (typeof input !== 'string') print([`     (pressed ${pressedLabel(input)})`]);
      try {
        print(formatTurn(await session.send(input)));
      } catch (error) {
        io.error.write(`${errorMessage(error)}\n`);
      }
    }
    rl.prompt();
  }
  rl.close();
  // Ctrl-D / Ctrl-C leave the cursor after "you> "; end that line so the shell prompt starts clean.
  if (!quitByCommand) io.output.write('\n');
  return 0;
}

function pressedLabel(button: ChatButton): string {
  return button.send.text !== undefined && button.send.text !== button.title ? `"${button.title}", sending "${button.send.text}"` : `"${button.title}"`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

if (require.main === module) {
  runTerminalChat(process.argv.slice(2), process.env, {
    input: process.stdin,
    output: process.stdout,
    error: process.stderr,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
