import Foundation
import GanDanTesting
import GanDanWeb
import Testing
import VaporTesting

@Suite("/metrics in Prometheus' text format (issue 8)")
struct MetricsTests {
    @Test("answered requests are counted per route pattern and status class, never per concrete id")
    func countsRequests() async throws {
        try await withEmptyApp { app in
            for _ in 0..<3 { try await app.testing().test(.GET, "/health") { #expect($0.status == .ok) } }
            let id = UUID()
            try await app.testing().test(.GET, "/api/units/\(id)") { #expect($0.status == .unauthorized) }
            try await app.testing().test(.GET, "/metrics") { res in
                #expect(res.status == .ok)
                #expect(res.headers.contentType?.subType == "plain")
                let text = res.body.string
                #expect(text.contains(#"gandan_http_requests_total{method="GET",route="/health",status="2xx"} 3"#))
                #expect(
                    text.contains(#"gandan_http_requests_total{method="GET",route="/api/units/:unit",status="4xx"} 1"#))
                #expect(text.contains("gandan_http_request_duration_seconds_bucket"))
                #expect(!text.contains(id.uuidString))
                #expect(text.contains("# TYPE gandan_http_requests_total counter"))
            }
        }
    }

    @Test("with a metrics token set, /metrics answers only to that bearer token")
    func token() async throws {
        try await withEmptyApp(metricsToken: "scrape-secret") { app in
            try await app.testing().test(.GET, "/metrics") { #expect($0.status == .unauthorized) }
            try await app.testing().test(.GET, "/metrics", headers: ["Authorization": "Bearer wrong"]) {
                #expect($0.status == .unauthorized)
            }
            try await app.testing().test(.GET, "/metrics", headers: ["Authorization": "Bearer scrape-secret"]) {
                #expect($0.status == .ok)
                #expect($0.body.string.contains("gandan_process_start_time_seconds"))
            }
        }
    }
}
