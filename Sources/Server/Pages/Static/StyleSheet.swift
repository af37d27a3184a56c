/// The one style sheet of the pages (`/static/ossify.css`): readable at 1280 px and on a 768 px
/// tablet, visible focus, AA contrast, states shown by text and not by colour alone; a print style.
enum StyleSheet {
    static let text = """
    :root { --ink: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --accent: #0b4f8a; --bad: #9b1c1c; --ok: #1d5e20; --paper: #ffffff; --soft: #f3f5f8; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); }
    a { color: var(--accent); }
    a:focus, button:focus, input:focus, select:focus, textarea:focus, summary:focus, [tabindex]:focus { outline: 3px solid #f0b400; outline-offset: 2px; }
    .skip { position: absolute; left: -999px; }
    .skip:focus { left: 8px; top: 8px; background: var(--paper); padding: 4px 8px; }
    header.top { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 24px; padding: 8px 24px; border-bottom: 2px solid var(--accent); background: var(--soft); }
    header.top .brand { font-weight: 700; font-size: 1.25rem; text-decoration: none; }
    header.top nav ul { list-style: none; display: flex; gap: 16px; margin: 0; padding: 0; }
    header.top nav a[aria-current="page"] { font-weight: 700; text-decoration: underline; }
    header.top .session { margin-left: auto; display: flex; flex-wrap: wrap; align-items: center; gap: 8px 16px; color: var(--muted); font-size: 0.9rem; }
    main { padding: 16px 24px 48px; max-width: 1280px; }
    footer { padding: 8px 24px; color: var(--muted); font-size: 0.85rem; border-top: 1px solid var(--line); }
    h1 { font-size: 1.6rem; margin: 8px 0 16px; }
    h2 { font-size: 1.25rem; margin: 24px 0 8px; }
    h3 { font-size: 1.05rem; margin: 16px 0 4px; }
    table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; }
    th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
    th { background: var(--soft); }
    form.inline { display: inline; }
    .filters { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: flex-end; padding: 12px; background: var(--soft); border: 1px solid var(--line); }
    .filters .field { margin: 0; }
    .field { margin: 0 0 12px; display: flex; flex-direction: column; max-width: 36rem; }
    .field label { font-weight: 600; }
    .field .hint { color: var(--muted); font-size: 0.85rem; }
    .field.has-error input, .field.has-error select, .field.has-error textarea { border: 2px solid var(--bad); }
    .error { color: var(--bad); font-weight: 600; margin: 2px 0 0; }
    .error::before { content: "Error: "; }
    .notice { padding: 8px 12px; border: 2px solid var(--accent); background: var(--soft); margin: 8px 0 16px; }
    .notice.problem { border-color: var(--bad); }
    .notice.problem::before { content: "Problem: "; font-weight: 700; }
    input, select, textarea { font: inherit; padding: 4px 6px; border: 1px solid #767676; border-radius: 3px; background: var(--paper); color: var(--ink); }
    textarea { min-height: 4rem; }
    button, .button { font: inherit; padding: 5px 14px; border: 1px solid var(--accent); border-radius: 3px; background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
    button.secondary { background: var(--paper); color: var(--accent); }
    button.danger { background: var(--bad); border-color: var(--bad); }
    .req { color: var(--muted); font-weight: 400; font-size: 0.85rem; }
    .header-facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 4px 24px; margin: 0 0 16px; }
    .header-facts dt { font-weight: 600; color: var(--muted); font-size: 0.85rem; }
    .header-facts dd { margin: 0 0 8px; }
    .timeline { list-style: none; padding: 0; margin: 0; border-left: 3px solid var(--accent); }
    .timeline > li { margin: 0 0 16px; padding: 0 0 0 16px; }
    .timeline .when { font-weight: 700; }
    .mark { display: inline-block; padding: 0 6px; border: 1px solid var(--ink); border-radius: 3px; font-size: 0.85rem; margin-left: 4px; }
    .mark.recurrence { border-style: dashed; }
    .flag-low, .flag-high { font-weight: 700; }
    .flag-low::before { content: "\\2193 "; }
    .flag-high::before { content: "\\2191 "; }
    .term .definition { display: none; color: var(--muted); font-size: 0.85rem; max-width: 40rem; }
    .term:hover .definition, .term:focus .definition, .term:focus-within .definition { display: block; }
    .placeholder { border: 1px dashed var(--line); padding: 12px; color: var(--muted); margin: 8px 0 16px; }
    .pager { display: flex; gap: 16px; align-items: center; }
    .autocomplete { position: relative; }
    .autocomplete ul[role="listbox"] { position: absolute; z-index: 10; left: 0; right: 0; top: 100%; margin: 0; padding: 0; list-style: none; background: var(--paper); border: 1px solid #767676; max-height: 20rem; overflow-y: auto; }
    .autocomplete li[role="option"] { padding: 4px 8px; cursor: pointer; }
    .autocomplete li[role="option"][aria-selected="true"] { background: var(--accent); color: #fff; }
    .autocomplete .synonym { font-style: italic; }
    .hidden { display: none; }
    .candidates { padding-left: 0; list-style: none; }
    .candidates > li { border-bottom: 1px solid var(--line); padding: 6px 0; }
    .candidates summary { cursor: pointer; display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; }
    .candidate-name { font-weight: 600; min-width: 18rem; }
    .candidate-id, .provenance, .source { color: var(--muted); font-size: 0.9rem; }
    svg.bar .bar-back { fill: var(--soft); stroke: var(--line); }
    svg.bar .bar-fill { fill: var(--accent); }
    .status-met::before { content: "\\2714 "; }
    .status-not-met::before { content: "\\2718 "; }
    .status-unknown::before { content: "? "; }
    .status-met, .status-not-met, .status-unknown { font-weight: 600; white-space: nowrap; }
    .unconfirmed { font-weight: 700; border: 1px solid var(--bad); color: var(--bad); padding: 0 4px; font-size: 0.8rem; }
    .report figure.chart { margin: 8px 0 16px; }
    figure.cohort-plot { margin: 8px 0 16px; } figure.cohort-plot svg { max-width: 100%; height: auto; }
    #cohort-result table caption { text-align: left; font-weight: 600; padding: 4px 0; }
    @media (max-width: 800px) { main, header.top { padding-left: 12px; padding-right: 12px; } table { font-size: 0.85rem; } th, td { padding: 4px 3px; } }
    @media print { header.top nav, header.top .session, form, .skip, .screen-only, footer { display: none; } a { color: var(--ink); text-decoration: none; }
      @page { size: A4; margin: 15mm; } body { font-size: 11pt; } main { padding: 0; max-width: none; } .print-page { break-before: page; }
      table, figure, svg { break-inside: avoid; } details > *:not(summary) { display: block; } }
    """
}
