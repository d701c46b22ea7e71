import Hummingbird

/// The benchmark's baseline: the smallest Hummingbird server, one route returning a constant
/// JSON body, so `api-wrk.sh` can show what the framework and loopback cost by themselves.
/// Usage: APIBaseline PORT
let port = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 8081 : 8081
let body = ByteBuffer(string: #"[{"ticker":"ACME","insiderCount":3}]"#)
let router = Router()
router.get("/constant") { _, _ in
    Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
