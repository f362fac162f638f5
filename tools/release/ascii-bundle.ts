/**
 * bot.js in ASCII alone (issue 24: start-up under half a second). esbuild escapes every non-ASCII
 * character of strings, templates and names, but leaves those of regular expression literals as
 * written (our readers' `[-–—]`, `“`, `…`): a few dozen characters that made V8 hold the 8 MB bundle
 * as a two-byte string (16 MB) decoded from UTF-8 at every start. Escaped as `\uXXXX` (the same
 * character to a regular expression, with or without the `u` flag), the bundle is ASCII, which
 * load-bundle.js reads as Latin-1: the same text, with no decoding.
 *
 * Each escape lengthens its line, so the source map's generated columns after it on that line move
 * by as much: stack traces still point at the TypeScript.
 */
export function asciiBundle(code: string, map: { mappings: string }): { code: string; mappings: string } {
  const lines = code.split('\n');
  // Per changed line: the generated columns where an escape starts, and how much longer each made the line.
  const shifts = new Map<number, Array<[number, number]>>();
  for (let line = 0; line < lines.length; line += 1) {
    const text = lines[line]!;
    if (!/[^\x00-\x7f]/.test(text)) continue;
    let out = '';
    const lineShifts: Array<[number, number]> = [];
    for (let i = 0; i < text.length; i += 1) {
      const unit = text.charCodeAt(i);
      if (unit < 0x80) {
        out += text[i];
        continue;
      }
      // After an odd run of backslashes the character is itself escaped (`\–`): `\` + `u2013` is then the escape.
      let backslashes = 0;
      for (let j = i - 1; j >= 0 && text[j] === '\\'; j -= 1) backslashes += 1;
      const hex = unit.toString(16).padStart(4, '0');
      const escape = backslashes % 2 === 1 ? `u${hex}` : `\\u${hex}`;
      out += escape;
      lineShifts.push([i, escape.length - 1]);
    }
    lines[line] = out;
    shifts.set(line, lineShifts);
  }
  return { code: lines.join('\n'), mappings: shifted(map.mappings, shifts) };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** The mappings with each segment's generated column moved by the escapes before it on its line. */
function shifted(mappings: string, shifts: ReadonlyMap<number, ReadonlyArray<[number, number]>>): string {
  if (shifts.size === 0) return mappings;
  const lines = mappings.split(';');
  for (const [line, lineShifts] of shifts) {
    if (line >= lines.length || lines[line] === '') continue;
    let column = 0;
    let previousNew = 0;
    lines[line] = lines[line]!.split(',')
      .map((segment) => {
        // Only the first field (the generated column, relative within the line) changes; the others are
        // relative to the previous segment's source position, which stays as it was.
        const [delta, length] = readVlq(segment);
        column += delta;
        let moved = column;
        for (const [at, extra] of lineShifts) if (at < column) moved += extra;
        const encoded = writeVlq(moved - previousNew);
        previousNew = moved;
        return encoded + segment.slice(length);
      })
      .join(',');
  }
  return lines.join(';');
}

/** The first base64 VLQ of `text`: its value and how many characters it took. */
function readVlq(text: string): [number, number] {
  let value = 0;
  let shift = 0;
  for (let i = 0; i < text.length; i += 1) {
    const digit = DIGIT.get(text[i]!);
    if (digit === undefined) throw new Error(`not a source map segment: ${text}`);
    value += (digit & 31) * 2 ** shift;
    shift += 5;
    if ((digit & 32) === 0) return [value % 2 === 1 ? -Math.floor(value / 2) : value / 2, i + 1];
  }
  throw new Error(`unterminated source map segment: ${text}`);
}

function writeVlq(value: number): string {
  let rest = value < 0 ? -value * 2 + 1 : value * 2;
  let out = '';
  do {
    let digit = rest % 32;
    rest = Math.floor(rest / 32);
    if (rest > 0) digit |= 32;
    out += BASE64[digit];
  } while (rest > 0);
  return out;
}
