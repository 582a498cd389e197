import GanDanStorage

/// The database figures of `/metrics` in Prometheus' text format (issue 24): the pool's size, how long writes wait
/// for a pooled connection (and SQLite's write lock), and how long audit appends take.
enum StorageMetrics {
    static func exposition(_ timings: [StorageTimings.Figure: StorageTimings.Histogram], context: StorageContext)
        -> String
    {
        let engine = context.location.engine
        var text = """
            # HELP gandan_db_pool_connections_max Connections the database pool may hold.
            # TYPE gandan_db_pool_connections_max gauge
            gandan_db_pool_connections_max{engine="\(engine)"} \(context.poolCapacity)

            """
        for figure in StorageTimings.Figure.allCases {
            guard let histogram = timings[figure] else { continue }
            let (name, help) = describe(figure)
            text += "# HELP \(name) \(help)\n# TYPE \(name) histogram\n"
            var cumulative = 0
            for (bound, count) in zip(histogram.bounds, histogram.counts) {
                cumulative += count
                text += "\(name)_bucket{le=\"\(bound)\"} \(cumulative)\n"
            }
            text += "\(name)_bucket{le=\"+Inf\"} \(histogram.count)\n"
            text += "\(name)_sum \(histogram.sum)\n\(name)_count \(histogram.count)\n"
        }
        return text
    }

    static func describe(_ figure: StorageTimings.Figure) -> (name: String, help: String) {
        switch figure {
        case .writeWait:
            return (
                "gandan_db_write_wait_seconds",
                "Time a write transaction waited for its pooled connection and, on SQLite, the write lock."
            )
        case .auditAppend:
            return (
                "gandan_audit_append_seconds",
                "Time to append entries to the audit trail, per append (a change's, or a batch of reads')."
            )
        case .auditReadWait:
            return (
                "gandan_audit_read_wait_seconds",
                "Time a read waited for its audit entry to be stored, from queued to its batch committed."
            )
        }
    }
}
