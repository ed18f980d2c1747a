package com.sikifanso.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * TLS in front of fabric8's mock API server, with the certificates of {@link ApiServerPki}: the
 * mock's own HTTPS uses a certificate for "localhost" without an IP address, which Go's TLS (Helm)
 * refuses for https://127.0.0.1, and cannot be given another. Like kube-apiserver it asks for a
 * client certificate but also lets anonymous clients in (the CLI's readiness probe sends none),
 * and it records who connected, so a test can tell the CLI presented the kubeconfig's certificate.
 */
final class TlsFront implements AutoCloseable {
    private final SSLServerSocket listener;
    private final InetSocketAddress backend;
    private final List<String> clients = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    /** Listens on {@code address} (a free port), forwarding plain bytes to {@code backend}. */
    TlsFront(SSLContext context, InetAddress address, InetSocketAddress backend) throws IOException {
        this.backend = backend;
        this.listener = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(0, 50, address);
        listener.setWantClientAuth(true);
        Thread.ofVirtual().name("tls-front-accept").start(this::accept);
    }

    /** host:port of the listener. */
    String listenAddress() {
        return listener.getInetAddress().getHostAddress() + ":" + listener.getLocalPort();
    }

    /** The subjects of the client certificates presented so far, "anonymous" for none, one per connection. */
    List<String> clients() {
        return List.copyOf(clients);
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                SSLSocket tls = (SSLSocket) listener.accept();
                open.add(tls);
                Thread.ofVirtual().start(() -> serve(tls));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(SSLSocket tls) {
        try (tls; Socket plain = new Socket()) {
            tls.startHandshake();
            clients.add(subject(tls));
            plain.connect(backend, 5_000);
            open.add(plain);
            Thread upstream = Thread.ofVirtual().start(() -> pump(tls, plain));
            pump(plain, tls);
            upstream.join();
        } catch (IOException | InterruptedException e) {
            // The client or the mock went away: nothing to forward any more.
        }
    }

    private static String subject(SSLSocket tls) {
        try {
            return ((java.security.cert.X509Certificate) tls.getSession().getPeerCertificates()[0])
                    .getSubjectX500Principal().getName();
        } catch (SSLPeerUnverifiedException none) {
            return "anonymous";
        }
    }

    private static void pump(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // One side closed.
        } finally {
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Already closed.
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        open.forEach(TlsFront::closeQuietly);
    }
}
