// A scripted OpenAI-compatible server on loopback, for the whole IT build.
//   receiver-model: round 0 answers A (wrong: every ground truth is B); after feedback B,
//                   except for questions marked [stubborn], which stay on A;
//   provider-model: answers B, and writes feedback when asked with a system message;
//   questions marked [error] get HTTP 500.
import com.sun.net.httpserver.HttpServer
import java.util.concurrent.Executors
import java.util.concurrent.atomic.AtomicInteger

// The request is read as text, and answers are written by hand: groovy-json's generator fails to
// load its string service in the server's threads on some JDKs (25), and these shapes are fixed.
def requests = new AtomicInteger()
def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
server.createContext('/v1/chat/completions') { exchange ->
    requests.incrementAndGet()
    String body = exchange.requestBody.getText('UTF-8')
    String model = (body =~ /"model"\s*:\s*"([^"]+)"/)[0][1]
    int messages = body.findAll(/"role"\s*:/).size()
    def status = 200
    def answer
    if (body.contains('[error]')) {
        status = 500
    } else if (model == 'receiver-model') {
        boolean afterFeedback = messages > 1
        answer = afterFeedback && !body.contains('[stubborn]') ? 'Answer: B' : 'Answer: A'
    } else if (body =~ /"role"\s*:\s*"system"/) {
        answer = 'Compare the quantities again, one pair at a time.'
    } else {
        answer = 'Answer: B'
    }
    def json = status == 200
            ? '{"choices":[{"message":{"role":"assistant","content":"' + answer + '"}}],' +
              '"usage":{"prompt_tokens":11,"completion_tokens":3}}'
            : '{"error":{"message":"scripted failure"}}'
    byte[] bytes = json.getBytes('UTF-8')
    exchange.responseHeaders.add('Content-Type', 'application/json')
    exchange.sendResponseHeaders(status, bytes.length)
    exchange.responseBody.withCloseable { it.write(bytes) }
}
server.executor = Executors.newFixedThreadPool(4) { r -> def t = new Thread(r); t.daemon = true; t }
server.start()
context.put('server', server)
context.put('requests', requests)

def url = "http://127.0.0.1:${server.address.port}/v1"
new File(basedir, 'src/test/resources/junit-platform.properties').text = """\
interfeedback.receiver=remote
interfeedback.provider=judge
interfeedback.model.remote.url=${url}
interfeedback.model.remote.name=receiver-model
interfeedback.model.judge.url=${url}
interfeedback.model.judge.name=provider-model
interfeedback.model.judge.api-key-env=IT_PROVIDER_KEY
interfeedback.feedback=detailed
interfeedback.rounds=2
interfeedback.retry.initial-backoff-ms=10
interfeedback.retry.max-backoff-ms=50
"""
return true
