/** The inspector's styles: system fonts only (no web fonts), WCAG AA contrast, a visible focus ring. */
export const INSPECTOR_CSS = `
:root {
  --text: #1b1f24;
  --muted: #4d5661;
  --line: #d0d7de;
  --panel: #ffffff;
  --page: #f3f5f7;
  --accent: #0b57d0;
  --focus: #0b57d0;
  --ok-bg: #dcf3e3; --ok-fg: #0b5a28; --ok-line: #1a7f37;
  --warn-bg: #fdecc8; --warn-fg: #6b3d00; --warn-line: #bf6a02;
  --bad-bg: #fde2e1; --bad-fg: #8a1111; --bad-line: #cf222e;
  --info-bg: #dbe9fe; --info-fg: #133d85; --info-line: #0b57d0;
  --idle-bg: #e9ecef; --idle-fg: #3a4149; --idle-line: #6e7781;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
}
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { font-size: 15px; }
body {
  margin: 0;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
  line-height: 1.45;
  color: var(--text);
  background: var(--page);
}
h1, h2, h3, h4 { line-height: 1.2; margin: 0; }
h2 { font-size: 1.15rem; margin-bottom: 0.6rem; }
h3 { font-size: 1rem; margin: 0.9rem 0 0.4rem; }
h4 { font-size: 0.9rem; margin: 0.6rem 0 0.3rem; }
button, select, input { font: inherit; }
button {
  color: var(--text);
  background: #fff;
  border: 1px solid #8c959f;
  border-radius: 6px;
  padding: 0.3rem 0.75rem;
  cursor: pointer;
}
button:hover { background: #eef1f4; }
button.danger { color: var(--bad-fg); border-color: var(--bad-line); }
button.danger:hover { background: var(--bad-bg); }
button.link { border: none; background: none; color: var(--accent); text-decoration: underline; padding: 0.1rem 0.2rem; }
select, input[type="password"] {
  border: 1px solid #8c959f;
  border-radius: 6px;
  padding: 0.3rem 0.5rem;
  background: #fff;
  color: var(--text);
  max-width: 34rem;
}
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.top :focus-visible { outline-color: #8ab4ff; }
.visually-hidden {
  position: absolute !important;
  width: 1px; height: 1px;
  padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap; border: 0;
}
.skip-link { position: absolute; left: 0.5rem; top: -3rem; background: #fff; color: var(--accent); padding: 0.4rem 0.8rem; z-index: 10; }
.skip-link:focus { top: 0.5rem; }

.top {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 0.6rem 1.5rem;
  padding: 0.7rem 1.25rem;
  background: #1f2933;
  color: #ffffff;
}
.top h1 { font-size: 1.25rem; }
.subtitle { font-weight: 400; color: #d5dbe1; }
.toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; }
.toolbar label { font-weight: 600; }
.connection { margin: 0 0 0 auto; font-size: 0.9rem; }
.connection::before { content: "\\25CF"; margin-right: 0.35rem; }
.connection[data-state="live"]::before { color: #4ade80; }
.connection[data-state="connecting"]::before { color: #fbbf24; }
.connection[data-state="offline"]::before { color: #f87171; }

.token-form, .notice {
  margin: 1rem 1.25rem 0;
  padding: 0.75rem 1rem;
  border-radius: 8px;
  border: 1px solid var(--warn-line);
  background: var(--warn-bg);
  color: var(--warn-fg);
}
.token-form { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 0.75rem; }
.token-form p { flex-basis: 100%; margin: 0; }
.token-form label { font-weight: 600; }
.notice { border-color: var(--bad-line); background: var(--bad-bg); color: var(--bad-fg); }

.layout {
  display: grid;
  grid-template-columns: minmax(0, 1fr);
  gap: 1rem;
  padding: 1rem 1.25rem 2rem;
}
@media (min-width: 1100px) {
  .layout { grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); align-items: start; }
}
@media (min-width: 1700px) {
  .layout { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); max-width: 2200px; }
}
.column { display: grid; gap: 1rem; min-width: 0; }
.panel {
  background: var(--panel);
  border: 1px solid var(--line);
  border-radius: 10px;
  padding: 0.9rem 1rem 1rem;
  min-width: 0;
}
.panel:focus { outline: none; }
.panel-head { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.5rem; }
.panel-actions { display: flex; align-items: center; gap: 0.75rem; }
.check { display: inline-flex; align-items: center; gap: 0.35rem; }
.count { font-weight: 400; color: var(--muted); font-size: 0.9rem; }
.empty { color: var(--muted); margin: 0.3rem 0; }
.plain-list { margin: 0; padding-left: 1.1rem; }
.meta { color: var(--muted); font-size: 0.85rem; }
.nowrap { white-space: nowrap; }
.mono, code { font-family: var(--mono); font-size: 0.85rem; }

.flow-set + .flow-set { margin-top: 1.1rem; border-top: 1px solid var(--line); padding-top: 0.8rem; }
.flow-set h3 { margin-top: 0; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.35rem 0.4rem; border-bottom: 1px solid var(--line); vertical-align: top; }
thead th { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.03em; color: var(--muted); }
.flows td:last-child { text-align: right; white-space: nowrap; padding-right: 0.25rem; }
.flows th:first-child, .flows td:first-child { padding-left: 0.25rem; }
.flow-type { font-weight: 600; }
#faults td:first-child { white-space: nowrap; }
.flow-id { display: block; color: var(--muted); font-family: var(--mono); font-size: 0.78rem; }
tr.changed > td { animation: flash 2.5s ease-out; }
@keyframes flash { from { background: #fff3b0; } to { background: transparent; } }
@media (prefers-reduced-motion: reduce) { tr.changed > td { animation: none; background: #fff8d6; } }
.json-row td { background: #f6f8fa; }
pre {
  margin: 0.3rem 0 0;
  padding: 0.6rem 0.75rem;
  background: #f6f8fa;
  border: 1px solid var(--line);
  border-radius: 6px;
  font-family: var(--mono);
  font-size: 0.8rem;
  max-height: 24rem;
  overflow: auto;
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  text-align: left;
}

.badge {
  display: inline-block;
  padding: 0.05rem 0.5rem;
  border-radius: 999px;
  border: 1px solid var(--idle-line);
  background: var(--idle-bg);
  color: var(--idle-fg);
  font-size: 0.82rem;
  font-weight: 600;
  white-space: nowrap;
}
.badge.ready, .badge.s2xx { background: var(--ok-bg); color: var(--ok-fg); border-color: var(--ok-line); }
.badge.notReady, .badge.s3xx { background: var(--info-bg); color: var(--info-fg); border-color: var(--info-line); }
.badge.expired, .badge.s4xx { background: var(--warn-bg); color: var(--warn-fg); border-color: var(--warn-line); }
.badge.failed, .badge.s5xx { background: var(--bad-bg); color: var(--bad-fg); border-color: var(--bad-line); }

.journal { list-style: none; margin: 0; padding: 0; }
.entry { border: 1px solid var(--line); border-left: 5px solid var(--idle-line); border-radius: 6px; margin-bottom: 0.4rem; background: #fff; }
.entry.s2xx { border-left-color: var(--ok-line); }
.entry.s3xx { border-left-color: var(--info-line); }
.entry.s4xx { border-left-color: var(--warn-line); }
.entry.s5xx { border-left-color: var(--bad-line); }
.entry.fresh { animation: arrive 1.5s ease-out; }
@keyframes arrive { from { background: #eaf2ff; } to { background: #fff; } }
@media (prefers-reduced-motion: reduce) { .entry.fresh { animation: none; } }
.entry summary {
  display: grid;
  grid-template-columns: 0.8rem auto 4.2rem minmax(0, 1fr) auto;
  align-items: baseline;
  gap: 0.5rem;
  padding: 0.4rem 0.6rem;
  cursor: pointer;
  list-style: none;
}
.entry summary::-webkit-details-marker { display: none; }
.entry summary::before { content: "\\25B8"; color: var(--muted); grid-row: 1; }
.entry details[open] > summary::before { content: "\\25BE"; }
.method { font-family: var(--mono); font-weight: 700; font-size: 0.85rem; }
.path { font-family: var(--mono); font-size: 0.82rem; overflow-wrap: anywhere; }
.entry .when { color: var(--muted); font-size: 0.8rem; white-space: nowrap; text-align: right; }
.entry-body { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.75rem; padding: 0 0.75rem 0.75rem; }
@media (min-width: 1700px) { .entry-body { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); } }
.entry-body section { min-width: 0; }
.headers th { font-family: var(--mono); font-size: 0.78rem; font-weight: 600; width: 32%; color: var(--text); text-transform: none; letter-spacing: 0; overflow-wrap: anywhere; }
.headers td { font-family: var(--mono); font-size: 0.78rem; overflow-wrap: anywhere; }
.kv { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.1rem 0.75rem; margin: 0; font-size: 0.85rem; }
.kv dt { color: var(--muted); }
.kv dd { margin: 0; font-family: var(--mono); font-size: 0.8rem; overflow-wrap: anywhere; }
`
