package io.jenkins.plugins.containercloud.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP port on loopback that forwards to a real service until told to {@link #refuse()}: then open
 * connections are cut and new ones are refused, as when the service goes down, until {@link
 * #accept()} listens on the same port again.
 */
public final class TcpForwarder implements AutoCloseable {

  private final String targetHost;
  private final int targetPort;
  private final int port;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket server;
  private Thread acceptor;

  private TcpForwarder(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    this.port = listen(0);
  }

  /** Forwards a new loopback port to {@code targetHost:targetPort}. */
  public static TcpForwarder to(String targetHost, int targetPort) throws IOException {
    return new TcpForwarder(targetHost, targetPort);
  }

  /** The loopback port clients connect to. */
  public int port() {
    return port;
  }

  /** Cuts every forwarded connection and stops listening: connections are refused. */
  public synchronized void refuse() throws IOException {
    ServerSocket current = server;
    server = null;
    if (current != null) {
      current.close();
      // Only when the accepting thread has gone is the port surely closed and free to bind again.
      try {
        acceptor.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while closing port " + port, e);
      }
    }
    for (Socket socket : sockets) {
      socket.close();
    }
    sockets.clear();
  }

  /** Listens on the same port again. */
  public synchronized void accept() throws IOException {
    if (server == null) {
      listen(port);
    }
  }

  @Override
  public void close() throws IOException {
    refuse();
  }

  private int listen(int onPort) throws IOException {
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
    server = socket;
    acceptor =
        Thread.ofPlatform()
            .daemon()
            .name("tcp-forwarder-" + socket.getLocalPort())
            .start(() -> acceptLoop(socket));
    return socket.getLocalPort();
  }

  private void acceptLoop(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        if (server != socket) {
          closeQuietly(client); // accepted as refuse() closed the port
          return;
        }
        Socket target;
        try {
          target = new Socket(targetHost, targetPort);
        } catch (IOException e) {
          closeQuietly(client);
          continue;
        }
        sockets.add(client);
        sockets.add(target);
        pump(client, target);
        pump(target, client);
      } catch (IOException e) {
        // The server socket was closed by refuse(), or the target is down: the client sees it.
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread.ofVirtual()
        .start(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // One side closed; closing both ends the other pump too.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            });
  }

  private void closeQuietly(Socket socket) {
    sockets.remove(socket);
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
