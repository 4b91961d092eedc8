/**
 * The predikat graph of the SKPs: each predikat keeps one colour that says what it means,
 * from green (Sangat Baik) to red (Sangat Kurang), whatever the grouping or the chart type.
 */
import { registry } from "@web/core/registry";
import { graphView } from "@web/views/graph/graph_view";
import { GraphRenderer } from "@web/views/graph/graph_renderer";

export const PREDICATE_COLORS = {
    very_good: "#1e7b34",
    good: "#6cbf4f",
    needs_improvement: "#f2c12e",
    poor: "#ee7d22",
    very_poor: "#c8232c",
};
// SKPs without a predikat yet
export const NO_PREDICATE_COLOR = "#c9ccd1";

export class PredicateGraphRenderer extends GraphRenderer {
    getChartConfig() {
        const config = super.getChartConfig();
        const selection = this.model.metaData.fields.predicate?.selection || [];
        const rankOf = (label) => selection.findIndex(([, text]) => text === label);
        const colorOf = (label) => PREDICATE_COLORS[selection[rankOf(label)]?.[0]];
        const { data, type } = config;
        const property = type === "line" ? "borderColor" : "backgroundColor";
        const datasets = data.datasets || [];
        const byPredicate = type !== "pie" && datasets.some((dataset) => colorOf(dataset.label));
        if (byPredicate) {
            // one dataset per predikat (e.g. units stacked by predikat): in the order of the scale
            const rank = (dataset) => (colorOf(dataset.label) ? rankOf(dataset.label) : selection.length);
            datasets.sort((a, b) => rank(a) - rank(b));
        }
        for (const dataset of datasets) {
            if (dataset.type === "line" && type !== "line") {
                continue; // the overlay of the totals keeps its own look
            }
            if (byPredicate) {
                dataset[property] = colorOf(dataset.label) || NO_PREDICATE_COLOR;
            } else if ((data.labels || []).some(colorOf)) {
                // one bar or slice per predikat
                const colors = data.labels.map((label, index) => {
                    const current = dataset[property];
                    return colorOf(label) || (Array.isArray(current) ? current[index] : current);
                });
                dataset[property] = colors;
                if (type === "pie") {
                    dataset.hoverBackgroundColor = colors;
                }
            }
        }
        return config;
    }
}

registry.category("views").add("asn_predicate_graph", { ...graphView, Renderer: PredicateGraphRenderer });
