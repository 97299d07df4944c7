using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Posyandu.Bot.Host.Web;

/// <summary>
/// Bar charts drawn on the server as inline SVG: no script, no external file, readable by screen readers (a title and a
/// description), scaled to the screen by its viewBox. Colours come from CSS classes so the CSP needs no inline style.
/// </summary>
public static class SvgCharts
{
    private const int Width = 640;
    private const int Height = 260;
    private const int Left = 36;
    private const int Bottom = 40;
    private const int Top = 16;

    /// <summary>
    /// Stacked bars: one bar per group (a month), one segment per series (a bidang); <paramref name="series"/> names the
    /// CSS class suffix and legend of each.
    /// </summary>
    public static IHtmlContent StackedBars(string title, IReadOnlyList<(string Label, IReadOnlyList<int> Values)> groups, IReadOnlyList<(string Key, string Name)> series)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(series);
        var max = Math.Max(1, groups.Select(g => g.Values.Sum()).DefaultIfEmpty(0).Max());
        var svg = Open(title, string.Join("; ", groups.Select(g => $"{g.Label}: {g.Values.Sum()}")));
        Axis(svg, max);
        var slot = (Width - Left - 8) / (double)Math.Max(1, groups.Count);
        var barWidth = Math.Min(56, slot * 0.6);
        for (var i = 0; i < groups.Count; i++)
        {
            var x = Left + 4 + (slot * i) + ((slot - barWidth) / 2);
            var y = (double)(Height - Bottom);
            for (var s = 0; s < series.Count && s < groups[i].Values.Count; s++)
            {
                var value = groups[i].Values[s];
                if (value == 0)
                {
                    continue;
                }

                var h = Scale(value, max);
                y -= h;
                svg.Append(Invariant($"<rect class=\"seri-{Escape(series[s].Key)}\" x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{barWidth:0.#}\" height=\"{h:0.#}\"><title>{Escape(groups[i].Label)}, {Escape(series[s].Name)}: {value}</title></rect>"));
            }

            svg.Append(Invariant($"<text class=\"label\" x=\"{x + (barWidth / 2):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Escape(groups[i].Label)}</text>"));
            svg.Append(Invariant($"<text class=\"value\" x=\"{x + (barWidth / 2):0.#}\" y=\"{y - 4:0.#}\" text-anchor=\"middle\">{groups[i].Values.Sum()}</text>"));
        }

        svg.Append("</svg>");
        var legend = new StringBuilder("<ul class=\"legenda\">");
        foreach (var (key, name) in series)
        {
            legend.Append("<li><span class=\"kotak seri-").Append(Escape(key)).Append("\"></span>").Append(Escape(name)).Append("</li>");
        }

        legend.Append("</ul>");
        return new HtmlString(svg.ToString() + legend);
    }

    /// <summary>Simple bars, one per labelled value.</summary>
    public static IHtmlContent Bars(string title, IReadOnlyList<(string Label, int Value)> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var max = Math.Max(1, bars.Select(b => b.Value).DefaultIfEmpty(0).Max());
        var svg = Open(title, string.Join("; ", bars.Select(b => $"{b.Label}: {b.Value}")));
        Axis(svg, max);
        var slot = (Width - Left - 8) / (double)Math.Max(1, bars.Count);
        var barWidth = Math.Min(64, slot * 0.6);
        for (var i = 0; i < bars.Count; i++)
        {
            var x = Left + 4 + (slot * i) + ((slot - barWidth) / 2);
            var h = Scale(bars[i].Value, max);
            var y = Height - Bottom - h;
            svg.Append(Invariant($"<rect class=\"batang\" x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{barWidth:0.#}\" height=\"{h:0.#}\"><title>{Escape(bars[i].Label)}: {bars[i].Value}</title></rect>"));
            svg.Append(Invariant($"<text class=\"label\" x=\"{x + (barWidth / 2):0.#}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Escape(bars[i].Label)}</text>"));
            svg.Append(Invariant($"<text class=\"value\" x=\"{x + (barWidth / 2):0.#}\" y=\"{y - 4:0.#}\" text-anchor=\"middle\">{bars[i].Value}</text>"));
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static StringBuilder Open(string title, string description) => new StringBuilder()
        .Append(Invariant($"<svg class=\"grafik\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"t-{Id(title)} d-{Id(title)}\" xmlns=\"http://www.w3.org/2000/svg\">"))
        .Append("<title id=\"t-").Append(Id(title)).Append("\">").Append(Escape(title)).Append("</title>")
        .Append("<desc id=\"d-").Append(Id(title)).Append("\">").Append(Escape(description)).Append("</desc>");

    private static void Axis(StringBuilder svg, int max)
    {
        var baseline = Height - Bottom;
        svg.Append(Invariant($"<line class=\"sumbu\" x1=\"{Left}\" y1=\"{baseline}\" x2=\"{Width - 4}\" y2=\"{baseline}\"/>"));
        svg.Append(Invariant($"<line class=\"sumbu\" x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{baseline}\"/>"));
        svg.Append(Invariant($"<text class=\"label\" x=\"{Left - 6}\" y=\"{Top + 4}\" text-anchor=\"end\">{max}</text>"));
        svg.Append(Invariant($"<text class=\"label\" x=\"{Left - 6}\" y=\"{baseline}\" text-anchor=\"end\">0</text>"));
    }

    private static double Scale(int value, int max) => (Height - Bottom - Top - 12) * (double)value / max;

    private static string Escape(string text) => WebUtility.HtmlEncode(text);

    private static string Id(string title) =>
        new(title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray());

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
