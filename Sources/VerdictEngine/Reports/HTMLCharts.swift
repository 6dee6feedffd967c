import Foundation

/// Inline SVG charts for the HTML report, drawn here so that they show without scripts.
enum HTMLCharts {
    struct Bar {
        let label: String
        let compliant: Int
        let nonCompliant: Int
        let error: Int
        let notApplicable: Int

        var evaluated: Int { compliant + nonCompliant + error }
        var rate: Double? { evaluated == 0 ? nil : Double(compliant) / Double(evaluated) }
    }

    static let colors = (compliant: "#2e7d32", nonCompliant: "#c62828", error: "#6a1b9a", notApplicable: "#9e9e9e")

    /// A ring showing the share of compliant, non-compliant and errored resources, with the
    /// compliance rate in the middle. Resources that no rule applies to are not in it.
    static func donut(compliant: Int, nonCompliant: Int, error: Int) -> String {
        let total = max(compliant + nonCompliant + error, 1)
        let radius = 70.0
        let circumference = 2 * Double.pi * radius
        var offset = 0.0
        var arcs = ""
        for (count, color, label) in [(compliant, colors.compliant, "compliant"), (nonCompliant, colors.nonCompliant, "non-compliant"), (error, colors.error, "with errors")] where count > 0 {
            let title = "\(CountText.of(count, "resource")) \(label)"
            let length = circumference * Double(count) / Double(total)
            arcs += "<circle cx=\"90\" cy=\"90\" r=\"\(format(radius))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"28\" "
                + "stroke-dasharray=\"\(format(length)) \(format(circumference - length))\" stroke-dashoffset=\"\(format(-offset))\" "
                + "transform=\"rotate(-90 90 90)\"><title>\(title)</title></circle>"
            offset += length
        }
        let rate = compliant + nonCompliant + error == 0 ? "–" : percent(Double(compliant) / Double(total))
        return "<svg class=\"donut\" viewBox=\"0 0 180 180\" width=\"180\" height=\"180\" role=\"img\" aria-label=\"compliance rate \(rate)\">"
            + "<circle cx=\"90\" cy=\"90\" r=\"\(format(radius))\" fill=\"none\" stroke=\"#eeeeee\" stroke-width=\"28\"/>" + arcs
            + "<text x=\"90\" y=\"88\" text-anchor=\"middle\" class=\"rate\">\(rate)</text>"
            + "<text x=\"90\" y=\"110\" text-anchor=\"middle\" class=\"caption\">compliant</text></svg>"
    }

    /// Horizontal stacked bars of resources, one per label, with the compliance rate at the
    /// end. The rate leaves out the not-applicable part of a bar.
    static func bars(_ bars: [Bar], labelWidth: Int = 330) -> String {
        let barWidth = 360.0
        let rowHeight = 22
        let height = bars.count * rowHeight + 10
        var svg = "<svg class=\"bars\" viewBox=\"0 0 \(labelWidth + Int(barWidth) + 70) \(height)\" width=\"100%\" role=\"img\">"
        for (index, bar) in bars.enumerated() {
            let y = index * rowHeight + 5
            svg += "<text x=\"\(labelWidth - 6)\" y=\"\(y + 14)\" text-anchor=\"end\" class=\"label\">\(HTMLText.escaped(bar.label))</text>"
            let total = max(bar.compliant + bar.nonCompliant + bar.error + bar.notApplicable, 1)
            var x = Double(labelWidth)
            for (count, color, name) in [(bar.compliant, colors.compliant, "compliant"), (bar.nonCompliant, colors.nonCompliant, "non-compliant"),
                                         (bar.error, colors.error, "with errors"), (bar.notApplicable, colors.notApplicable, "not applicable")] where count > 0 {
                let width = barWidth * Double(count) / Double(total)
                let title = "\(HTMLText.escaped(bar.label)): \(CountText.of(count, "resource")) \(name)"
                svg += "<rect x=\"\(format(x))\" y=\"\(y + 2)\" width=\"\(format(width))\" height=\"16\" fill=\"\(color)\"><title>\(title)</title></rect>"
                x += width
            }
            let rate = bar.rate.map(percent) ?? "n/a"
            svg += "<text x=\"\(labelWidth + Int(barWidth) + 6)\" y=\"\(y + 14)\" class=\"value\">\(rate)</text>"
        }
        return svg + "</svg>"
    }

    static func percent(_ rate: Double) -> String {
        String(format: "%.1f%%", rate * 100)
    }

    private static func format(_ number: Double) -> String {
        String(format: "%.2f", number)
    }
}
