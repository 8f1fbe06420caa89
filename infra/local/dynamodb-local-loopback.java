/*
 * DynamoDB Local on loopback only. Its jar's own main class (ServerRunner) gives Jetty only a port, so it
 * listens on every interface, and it has no option to choose the address. This launcher builds the same
 * request handler ServerRunner.createServer builds, from the jar's own command-line parser, and mounts it
 * on a Jetty connector bound to 127.0.0.1.
 *
 * Run by the JDK's single-file source launcher (it needs the jdk.compiler module), with the jar on the
 * class path: see dynamodb-local.ts. It takes the jar's own options, plus a leading -exitWhenStdinCloses:
 * then it exits when its standard input closes, which is how it learns that the process that started it
 * has died, even by kill -9, whose children the kernel does not stop.
 *
 * Telemetry: only ServerRunner and DynamoDBProxyServer.start() configure or send it, and neither runs here;
 * -disableTelemetry is still required, so that nothing changes if a later jar sends it from elsewhere.
 */
import java.util.Arrays;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import software.amazon.dynamodb.services.local.main.CommandLineInput;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBRequestHandler;
import software.amazon.dynamodb.services.local.server.LocalDynamoDBServerHandler;

public class DynamoDbLocalLoopback {
  private static final String HOST = "127.0.0.1";

  private static final String EXIT_WHEN_STDIN_CLOSES = "-exitWhenStdinCloses";

  public static void main(String[] args) throws Exception {
    boolean followParent = args.length > 0 && args[0].equals(EXIT_WHEN_STDIN_CLOSES);
    if (followParent) exitWhenStdinCloses();
    CommandLineInput input = new CommandLineInput(followParent ? Arrays.copyOfRange(args, 1, args.length) : args);
    if (!input.init()) System.exit(2);
    if (!input.isDisableTelemetry()) {
      System.err.println("Refusing to start without -disableTelemetry.");
      System.exit(2);
    }
    // The same handler as ServerRunner.createServer: 0 is its value for the first argument too.
    LocalDynamoDBServerHandler handler = new LocalDynamoDBServerHandler(
        new LocalDynamoDBRequestHandler(
            0,
            input.isInMemory(),
            input.getDbPath(),
            input.getSharedDb(),
            input.shouldDelayTransientStatuses()),
        input.getCorsParams());

    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(HOST);
    connector.setPort(input.getPort());
    server.addConnector(connector);
    // The same handler tree as DynamoDBProxyServer.setUpHandler.
    ContextHandler context = new ContextHandler();
    context.setHandler(handler);
    server.setHandler(new ContextHandlerCollection(context));
    try {
      server.start();
    } catch (Exception error) {
      System.err.printf("Could not start DynamoDB Local on %s:%d: %s%n", HOST, input.getPort(), error);
      System.exit(1);
    }
    System.out.printf("DynamoDB Local listening on %s:%d%n", HOST, connector.getLocalPort());
    server.join();
  }

  private static void exitWhenStdinCloses() {
    Thread watcher = new Thread(() -> {
      try {
        while (System.in.read() != -1) {
          // Nothing is ever written; anything that is, is ignored.
        }
      } catch (java.io.IOException error) {
        // A broken pipe means the same as end of input.
      }
      Runtime.getRuntime().halt(0);
    }, "exit-when-stdin-closes");
    watcher.setDaemon(true);
    watcher.start();
  }
}
