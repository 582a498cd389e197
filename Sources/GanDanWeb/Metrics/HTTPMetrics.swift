import Foundation
import Prometheus
import Vapor

/// The server's own figures in Prometheus' text format: requests and their durations per route, method and
/// status class. Each application keeps its own registry, so tests and servers in one process never mix.
final class HTTPMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let started: Gauge
    /// Upper bounds of the duration buckets: a page on a slow village line should still land in a bucket.
    static let buckets: [Duration] = [
        .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
        .milliseconds(250), .milliseconds(500), .seconds(1), .milliseconds(2500), .seconds(5), .seconds(10),
    ]

    static var requests: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "gandan", subsystem: "http", metricName: "requests", unitName: "total",
            helpText: "HTTP requests answered, per route pattern, method and status class.")
    }
    static var durations: MetricNameDescriptor {
        MetricNameDescriptor(
            namespace: "gandan", subsystem: "http", metricName: "request_duration", unitName: "seconds",
            helpText: "Time to answer an HTTP request, per route pattern and method.")
    }

    init() {
        started = registry.makeGauge(
            descriptor: MetricNameDescriptor(
                namespace: "gandan", metricName: "process_start_time", unitName: "seconds",
                helpText: "When the server started, in seconds since 1970."))
        started.set(Date().timeIntervalSince1970)
    }

    /// Counts one answered request; `route` is the route's pattern (`/api/cells/:cell`), never the concrete path,
    /// so identifiers of members or cells never reach the metrics.
    func record(method: String, route: String, status: UInt, duration: Duration) {
        let statusClass = "\(status / 100)xx"
        registry.makeCounter(
            descriptor: Self.requests, labels: [("method", method), ("route", route), ("status", statusClass)]
        ).increment()
        registry.makeDurationHistogram(
            descriptor: Self.durations, labels: [("method", method), ("route", route)], buckets: Self.buckets
        ).recordNanoseconds(duration.nanoseconds)
    }

    /// The text exposition of every metric.
    func exposition() -> String { registry.emitToString() }
}

extension Duration {
    fileprivate var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}

struct HTTPMetricsKey: StorageKey {
    typealias Value = HTTPMetrics
}

extension Application {
    /// This application's metrics (created by `configure`).
    var httpMetrics: HTTPMetrics {
        if let metrics = storage[HTTPMetricsKey.self] { return metrics }
        let metrics = HTTPMetrics()
        storage[HTTPMetricsKey.self] = metrics
        return metrics
    }
}
