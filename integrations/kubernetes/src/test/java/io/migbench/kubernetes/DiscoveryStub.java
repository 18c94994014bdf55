package io.migbench.kubernetes;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The API discovery a Kubernetes server answers, for the kinds the manifests use (v1 ConfigMap and Secret, batch/v1
 * Job), on a loopback port. {@code kubectl apply --dry-run=client} maps each document's apiVersion and kind through
 * discovery and looks the object up (404 here: "created"), even with {@code --validate=false}; nothing else is served.
 */
final class DiscoveryStub implements AutoCloseable {
    private static final Map<String, String> DISCOVERY = Map.of(
            "/api", """
                    {"kind":"APIVersions","versions":["v1"],
                     "serverAddressByClientCIDRs":[{"clientCIDR":"0.0.0.0/0","serverAddress":"127.0.0.1"}]}""",
            "/apis", """
                    {"kind":"APIGroupList","apiVersion":"v1","groups":[{"name":"batch",
                     "versions":[{"groupVersion":"batch/v1","version":"v1"}],
                     "preferredVersion":{"groupVersion":"batch/v1","version":"v1"}}]}""",
            "/api/v1", """
                    {"kind":"APIResourceList","groupVersion":"v1","resources":[
                     {"name":"configmaps","singularName":"configmap","namespaced":true,"kind":"ConfigMap","verbs":["create","get","patch"]},
                     {"name":"secrets","singularName":"secret","namespaced":true,"kind":"Secret","verbs":["create","get","patch"]}]}""",
            "/apis/batch/v1", """
                    {"kind":"APIResourceList","groupVersion":"batch/v1","resources":[
                     {"name":"jobs","singularName":"job","namespaced":true,"kind":"Job","verbs":["create","get","patch"]}]}""");
    private static final String NOT_FOUND = """
            {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"NotFound","code":404}""";

    private final HttpServer server;

    DiscoveryStub() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    /** A kubeconfig whose only cluster is this stub. */
    Path writeKubeconfig(Path directory) throws IOException {
        String config = """
                apiVersion: v1
                kind: Config
                clusters: [{name: stub, cluster: {server: "http://127.0.0.1:%d"}}]
                contexts: [{name: stub, context: {cluster: stub, namespace: default}}]
                current-context: stub
                users: []
                """.formatted(server.getAddress().getPort());
        return Files.writeString(directory.resolve("kubeconfig"), config);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = DISCOVERY.get(exchange.getRequestURI().getPath());
        byte[] bytes = (body != null ? body : NOT_FOUND).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(body != null ? 200 : 404, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
