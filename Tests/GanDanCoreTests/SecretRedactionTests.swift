import Testing

@testable import GanDanCore

@Suite("Passwords never reach a printed or logged line (issue 24)")
struct SecretRedactionTests {
    @Test("the password of a database URL is hidden, the user, host and database stay readable")
    func urlPassword() {
        #expect(
            SecretRedaction.redact("postgres://gandan:s3cr%40t@db.tinh.vn:5432/gandan")
                == "postgres://gandan:***@db.tinh.vn:5432/gandan")
        #expect(
            SecretRedaction.redact("cannot use postgresql://u:p@ss@10.0.0.5/g?sslmode=require: refused")
                == "cannot use postgresql://u:***@10.0.0.5/g?sslmode=require: refused")
        #expect(
            SecretRedaction.redact("postgres://gandan@db/gandan?password=hunter2&sslmode=require")
                == "postgres://gandan@db/gandan?password=***&sslmode=require")
        #expect(SecretRedaction.redact("host=db user=gandan password='x y'") == "host=db user=gandan password=***")
    }

    @Test("text without a secret is left as it is")
    func nothingToHide() {
        for text in [
            "SQLite data/gandan.sqlite", "postgres://gandan@db/gandan", "mail secretary@nahang.vn", "https://a.b/c",
        ] {
            #expect(SecretRedaction.redact(text) == text)
        }
    }
}
