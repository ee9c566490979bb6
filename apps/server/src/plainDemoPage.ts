import { escapeHtml } from './core/html.ts';

/**
 * /demo for a workspace that is not the demo bakery: a plain page carrying the workspace's chat, to try the widget
 * as customers will meet it before it goes on the real website. No workspace yet: a page saying so.
 */
export function plainDemoPage(workspace: { name: string; key: string } | null): string {
  const name = workspace ? escapeHtml(workspace.name) : 'Warmline';
  const body = workspace
    ? `<h1>${name}</h1>
  <p>This plain page carries your chat, exactly as customers will see it on your website.</p>
  <p>Open it at the bottom right, or <button type="button" data-warmline-open>start a chat</button>. What you write reaches your team in Warmline.</p>
  <script src="/widget.js" data-workspace="${escapeHtml(workspace.key)}" async></script>`
    : `<h1>Warmline is not set up yet</h1>
  <p>Open the sign-in link Warmline printed when it started, set up your workspace, and the chat will show here.</p>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${name} — try the chat</title>
<style>
  body { margin: 0; font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #2a211b; background: #faf7f2; }
  main { max-width: 640px; margin: 12vh auto; padding: 0 24px; }
  h1 { font-size: 32px; margin: 0 0 12px; }
  p { color: #57534e; }
  button { font: inherit; border: 0; padding: 0; background: none; color: #9a3412; text-decoration: underline; cursor: pointer; }
</style>
</head>
<body>
<main>
  ${body}
</main>
</body>
</html>
`;
}
