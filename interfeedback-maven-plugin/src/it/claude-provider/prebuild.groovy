// Two scripted servers on loopback, in two wire formats, for the whole IT build. Every ground truth is B.
//   /v1/chat/completions (OpenAI-shaped), receiver-model: questions marked [right] answer B at
//     round 0; told it is wrong, [keeps] stays on B and the others flip to A. Unmarked questions
//     answer A at round 0 and B after feedback.
//   /anthropic/v1/messages (Claude-shaped), provider-model: answers B, and writes feedback when
//     asked with a system prompt; a request that marks a prefix cacheable reads 8 of its 20
//     prompt tokens from the cache. It records the key headers it was sent.
import com.sun.net.httpserver.HttpServer
import java.util.concurrent.ConcurrentLinkedQueue
import java.util.concurrent.Executors

def keys = new ConcurrentLinkedQueue<String>()
def server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)

def respond = { exchange, String json ->
    byte[] bytes = json.getBytes('UTF-8')
    exchange.responseHeaders.add('Content-Type', 'application/json')
    exchange.sendResponseHeaders(200, bytes.length)
    exchange.responseBody.withCloseable { it.write(bytes) }
}

server.createContext('/v1/chat/completions') { exchange ->
    String body = exchange.requestBody.getText('UTF-8')
    boolean afterFeedback = body.findAll(/"role"\s*:/).size() > 1
    String answer
    if (body.contains('[right]')) answer = afterFeedback && !body.contains('[keeps]') ? 'Answer: A' : 'Answer: B'
    else answer = afterFeedback ? 'Answer: B' : 'Answer: A'
    respond(exchange, '{"choices":[{"message":{"role":"assistant","content":"' + answer + '"},"finish_reason":"stop"}],' +
            '"usage":{"prompt_tokens":11,"completion_tokens":3}}')
}

server.createContext('/anthropic/v1/messages') { exchange ->
    keys.add(String.valueOf(exchange.requestHeaders.getFirst('x-api-key')) + ' ' + exchange.requestHeaders.getFirst('anthropic-version'))
    String body = exchange.requestBody.getText('UTF-8')
    String answer = body.contains('"system"') ? 'Compare the quantities again, one pair at a time.' : 'Answer: B'
    boolean cacheable = body.contains('"cache_control"')
    respond(exchange, '{"id":"msg_it","type":"message","role":"assistant","model":"provider-model",' +
            '"content":[{"type":"text","text":"' + answer + '"}],"stop_reason":"end_turn","stop_sequence":null,' +
            '"usage":{"input_tokens":' + (cacheable ? 12 : 20) + ',"cache_creation_input_tokens":0,' +
            '"cache_read_input_tokens":' + (cacheable ? 8 : 0) + ',"output_tokens":5}}')
}
server.executor = Executors.newFixedThreadPool(4) { r -> def t = new Thread(r); t.daemon = true; t }
server.start()
context.put('server', server)
context.put('keys', keys)

def base = "http://127.0.0.1:${server.address.port}"
new File(basedir, 'src/test/resources/junit-platform.properties').text = """\
interfeedback.receiver=gpt
interfeedback.provider=claude
interfeedback.model.gpt.url=${base}/v1
interfeedback.model.gpt.name=receiver-model
interfeedback.model.claude.api=anthropic
interfeedback.model.claude.url=${base}/anthropic/v1
interfeedback.model.claude.name=provider-model
interfeedback.model.claude.api-key-env=IT_ANTHROPIC_KEY
interfeedback.model.claude.price.prompt-per-million=3
interfeedback.model.claude.price.completion-per-million=15
interfeedback.feedback=detailed
interfeedback.rounds=2
interfeedback.maintenance=true
"""
return true
