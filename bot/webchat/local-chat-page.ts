/**
 * The local chat page: a full-height Web Chat and a one-line header saying what this page is.
 * Scripts are external files (the Content-Security-Policy allows no inline script); only system
 * fonts are used and the icon is empty inline data, so the page requests nothing but this server.
 */
export function localChatPage(options: { scripts: readonly string[] }): string {
  const scripts = options.scripts.map((src) => `    <script src="${src}"></script>`).join('\n');
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Exchange support bot (local chat)</title>
    <link rel="icon" href="data:,">
    <style>
      html, body { height: 100%; margin: 0; }
      body { display: flex; flex-direction: column; font-family: 'Segoe UI', system-ui, -apple-system, sans-serif; }
      header { padding: 10px 16px; background: #0f6cbd; color: #fff; font-size: 15px; }
      header small { opacity: 0.85; margin-left: 8px; }
      #webchat { flex: 1; min-height: 0; }
    </style>
  </head>
  <body>
    <header>Exchange support bot <small>local chat: no app id, nothing leaves this machine</small></header>
    <main id="webchat" aria-label="Chat with the Exchange support bot"></main>
${scripts}
  </body>
</html>
`;
}
