import type { RuleStatus } from '../model.ts';
import { escapeHtml } from './escape.ts';

/**
 * The colour of each rule status, shared by every HTML page the suite writes (the run report and
 * the comparison matrix), so one status looks the same everywhere. Chosen to stay distinct in
 * greyscale print as well: the cell text always names the status too.
 */
export const STATUS_COLOURS: Readonly<Record<RuleStatus, { readonly background: string; readonly text: string }>> = {
  passed: { background: '#d7f5dd', text: '#0b5a1d' },
  failed: { background: '#fbd5d5', text: '#8a1111' },
  inconclusive: { background: '#fff1c2', text: '#6b4e00' },
  error: { background: '#e9d5ff', text: '#4c1d95' },
  'not-applicable': { background: '#eceff3', text: '#3f4752' },
  skipped: { background: '#f6f7f9', text: '#5b6470' },
};

/** One CSS class per status (`status-passed`, …) built from {@link STATUS_COLOURS}. */
export function statusCss(): string {
  return Object.entries(STATUS_COLOURS)
    .map(([status, { background, text }]) => `.status-${status}{background:${background};color:${text}}`)
    .join('\n');
}

export interface HtmlDocumentOptions {
  readonly title: string;
  /** The page's body, already HTML (escape every text with {@link escapeHtml}). */
  readonly body: string;
  /** Page-specific CSS, appended after the shared rules. */
  readonly style?: string;
  /** Inline script; the page must read well without it (scripts off, print). */
  readonly script?: string;
}

/**
 * A complete, self-contained HTML page: no network, no external script, font or image, so the
 * file can be mailed, archived in a certification bundle, or opened offline.
 */
export function htmlDocument(options: HtmlDocumentOptions): string {
  const script = options.script ? `<script>${options.script}</script>` : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(options.title)}</title>
<style>
${BASE_CSS}
${statusCss()}
${options.style ?? ''}
</style>
</head>
<body>
${options.body}
${script}
</body>
</html>
`;
}

const BASE_CSS = `:root{color-scheme:light;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.45;color:#1b1f24}
body{margin:0 auto;max-width:72rem;padding:1.5rem}
h1,h2,h3{line-height:1.2}
table{border-collapse:collapse}
th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:left;vertical-align:top}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.85em}
pre{white-space:pre-wrap;word-break:break-word;background:#f6f8fa;padding:.5rem;border-radius:4px}
@media print{body{max-width:none;padding:0}button{display:none}a{color:inherit}.status-passed,.status-failed,.status-inconclusive,.status-error,.status-not-applicable,.status-skipped{-webkit-print-color-adjust:exact;print-color-adjust:exact}}`;
