/// The figures' stylesheet (the server appends it to `/static/ossify.css`): visible focus and
/// selection on the body map, the small-multiples row, the data tables, and print. The SVG itself
/// needs none of it to be readable (presentation attributes only).
public enum FigureStyles {
    public static let source = #"""
    /* Ossify figures: body maps and charts (see FigureStyles.swift). */
    svg.bodymap, svg.figure-chart { max-width: 100%; height: auto; }
    a.bodymap-region { cursor: pointer; }
    a.bodymap-region:focus { outline: none; }
    a.bodymap-region:hover > path, a.bodymap-region:hover > ellipse { stroke: #000; stroke-width: 2.5; }
    a.bodymap-region:focus-visible > path, a.bodymap-region:focus-visible > ellipse {
      stroke: #0b57d0; stroke-width: 4;
    }
    .bodymap-region.is-selected > path, .bodymap-region.is-selected > ellipse {
      stroke: #000; stroke-width: 3.5; stroke-dasharray: 5 2;
    }
    .bodymap-multiples .bodymap-row { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    .bodymap-multiples svg.bodymap { width: 12rem; }
    .bodymap-multiples svg.bodymap-legend { width: 24rem; max-width: 100%; height: auto; }
    table.figure-data { border-collapse: collapse; margin: 0.5rem 0; }
    table.figure-data th, table.figure-data td { border: 1px solid #999; padding: 0.2rem 0.5rem; text-align: left; }
    table.figure-data td.number { text-align: right; font-variant-numeric: tabular-nums; }
    @media print {
      svg.bodymap, svg.figure-chart { break-inside: avoid; }
      .bodymap-multiples .bodymap-row { display: block; }
      .bodymap-multiples svg.bodymap { width: 30%; display: inline-block; }
    }

    """#
}
