// The books endpoint in Java: the JDK's built-in HttpServer. Usage: java Server.java PORT
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class Server {
    static final Map<Integer, String> BOOKS = Map.of(1, "Dune", 2, "Kindred", 3, "Neuromancer");
    static final Pattern PATH = Pattern.compile("/books/(\\d{1,9})");

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/books/", Server::showBook);
        server.start();
    }

    static void showBook(HttpExchange exchange) throws IOException {
        Matcher match = PATH.matcher(exchange.getRequestURI().getPath());
        if (!exchange.getRequestMethod().equals("GET") || !match.matches()) {
            send(exchange, 404, "{\"error\":\"no such route\"}");
            return;
        }
        int id = Integer.parseInt(match.group(1));
        String title = BOOKS.get(id);
        if (title == null) {
            send(exchange, 404, "{\"error\":\"book not found\"}");
            return;
        }
        // The JDK has no JSON library: the titles are our own constants, so building the
        // text by hand is safe here. Real code uses a library such as Jackson.
        send(exchange, 200, "{\"id\":" + id + ",\"title\":\"" + title + "\"}");
    }

    static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
