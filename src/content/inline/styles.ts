/** The inline view's CSS, set inside each shadow root (never on the page). */
export const inlineCss = `
:host { all: initial; display: block; }
* { box-sizing: border-box; }
.fg {
  --fg-bg: #ffffff; --fg-fg: #1d2327; --fg-muted: #5f6368; --fg-line: #dcdcde; --fg-accent: #1f7a52;
  --fg-pending: #b26200; --fg-pending-bg: #fff8e5; --fg-error: #b32d2e; --fg-spam: #8a2424;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg-fg);
}
@media (prefers-color-scheme: dark) {
  .fg { --fg-bg: #1e1f22; --fg-fg: #e8eaed; --fg-muted: #a0a4a8; --fg-line: #3a3c40; --fg-accent: #5fc493;
    --fg-pending: #f0b75e; --fg-pending-bg: #2d2616; --fg-error: #f28b82; --fg-spam: #f28b82; }
}
.toolbar { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; margin: 6px 0; }
.toolbar button, .bar button, .card button, .reply button {
  font: inherit; font-size: 12px; padding: 2px 8px; border-radius: 4px; cursor: pointer;
  border: 1px solid var(--fg-line); background: var(--fg-bg); color: var(--fg-fg);
}
.toolbar button:hover, .bar button:hover { border-color: var(--fg-accent); }
@media (hover: none) and (pointer: coarse) {
  .toolbar, .reply .actions { gap: 8px; }
  .toolbar button, .bar button, .card button, .reply button { min-height: 44px; min-width: 44px; padding: 8px 12px; font-size: 14px; }
  .key-hint, kbd { display: none; }
}
button:focus-visible, textarea:focus-visible, a:focus-visible { outline: 2px solid var(--fg-accent); outline-offset: 1px; }
button.primary { background: var(--fg-accent); border-color: var(--fg-accent); color: #fff; }
button.danger { color: var(--fg-error); }
.state { font-size: 12px; color: var(--fg-muted); }
.state.failed, .state.conflict { color: var(--fg-error); }
.state.waiting { color: var(--fg-fg); }
.state.details { flex-basis: 100%; user-select: text; }
.badge { display: inline-block; font-size: 11px; font-weight: 600; padding: 1px 6px; border-radius: 9px;
  background: var(--fg-pending-bg); color: var(--fg-pending); border: 1px solid currentColor; }
.badge.spam { color: var(--fg-spam); background: transparent; }
.card { border: 1px dashed var(--fg-pending); border-left: 4px solid var(--fg-pending); border-radius: 6px;
  padding: 10px 12px; margin: 12px 0; background: var(--fg-pending-bg); }
.card.spam { border-color: var(--fg-spam); background: transparent; }
.card.trash { opacity: .6; }
.card header { display: flex; gap: 8px; align-items: baseline; flex-wrap: wrap; }
.card .author { font-weight: 600; }
.card time { color: var(--fg-muted); font-size: 12px; }
.card .reply-to { margin: 4px 0 0; font-size: 12px; color: var(--fg-muted); }
.card .reply-to a, .bar .elsewhere a { color: var(--fg-accent); }
.bar .elsewhere { font-size: 12px; }
.content { margin: 6px 0; overflow-wrap: anywhere; }
.content p { margin: 0 0 .6em; }
.content a { color: var(--fg-accent); }
.content [data-link-host] { color: var(--fg-muted); font-size: 11px; }
.bar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; padding: 8px 12px; margin: 12px 0;
  border: 1px solid var(--fg-line); border-radius: 6px; background: var(--fg-bg); }
.bar .summary { font-weight: 600; }
.bar .spacer { flex: 1; }
.reply { display: grid; gap: 6px; margin: 6px 0; }
.reply textarea { font: inherit; min-height: 70px; padding: 6px; border: 1px solid var(--fg-line); border-radius: 4px;
  background: var(--fg-bg); color: var(--fg-fg); resize: vertical; }
.reply .actions { display: flex; gap: 6px; align-items: center; }
.reply .problem { margin: 0; font-size: 12px; color: var(--fg-error); }
.reactions { border: 1px solid var(--fg-line); border-radius: 6px; padding: 12px; margin: 12px 0; background: var(--fg-bg); }
.reactions h2 { font-size: 15px; margin: 0 0 8px; }
.reactions h3 { font-size: 13px; margin: 12px 0 4px; }
.reactions ul { margin: 0; padding-left: 18px; }
.counts { display: flex; gap: 16px; flex-wrap: wrap; }
.counts strong { font-size: 18px; display: block; }
.timeline { display: grid; grid-template-columns: max-content 1fr max-content; gap: 2px 8px; align-items: center; }
.timeline .bar-fill { height: 10px; background: var(--fg-accent); border-radius: 2px; }
.current { outline: 2px solid var(--fg-accent); outline-offset: 2px; border-radius: 4px; }
.block-match { margin: 2px 0; font-size: 12px; color: var(--fg-error); overflow-wrap: anywhere; }
.block-panel { border: 1px solid var(--fg-line); border-radius: 6px; padding: 8px 10px; margin: 6px 0; background: var(--fg-bg); }
.block-panel fieldset { border: 0; margin: 0 0 6px; padding: 0; }
.block-panel legend { font-weight: 600; padding: 0; }
.block-panel .block-choice { display: block; margin: 2px 0; overflow-wrap: anywhere; }
.block-panel .block-choice input { margin: 0 6px 0 0; }
.block-panel .block-word { width: 100%; margin-top: 4px; font: inherit; padding: 4px 6px; border: 1px solid var(--fg-line); border-radius: 4px; background: var(--fg-bg); color: var(--fg-fg); }
.block-panel p { margin: 4px 0; font-size: 12px; }
.block-panel .muted, .block-panel .notice { color: var(--fg-muted); }
.block-panel .error { color: var(--fg-error); }
.block-panel .dialog-buttons { display: flex; gap: 6px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
