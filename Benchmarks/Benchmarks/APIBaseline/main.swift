import Hummingbird
import NIOConcurrencyHelpers

/// The benchmark's baseline: the smallest Hummingbird server, one route returning a constant
/// JSON body, so `api-wrk.sh` can show what the framework and loopback cost by themselves;
/// `?bytes=N` answers a constant body of N bytes instead (made once per size).
/// Usage: APIBaseline PORT
let port = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 8081 : 8081
let body = ByteBuffer(string: #"[{"ticker":"ACME","insiderCount":3}]"#)
let sized = NIOLockedValueBox([Int: ByteBuffer]())
let router = Router()
router.get("/constant") { request, _ in
    var answer = body
    if let n = request.uri.queryParameters["bytes"].flatMap({ Int($0) }), (1...50_000_000).contains(n) {
        answer = sized.withLockedValue { cache in
            if let hit = cache[n] { return hit }
            let made = ByteBuffer(repeating: UInt8(ascii: "x"), count: n)
            cache[n] = made
            return made
        }
    }
    return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: answer))
}
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)))
try await app.runService()
