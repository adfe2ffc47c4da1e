package dev.flux.shutdown.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Ports that are free on the loopback interface now, chosen by the kernel, so parallel builds do not collide. */
final class FreePorts {

    private FreePorts() {
    }

    /** {@code count} distinct free ports (all held open until all are chosen, so none is chosen twice). */
    static int[] take(int count) {
        ServerSocket[] sockets = new ServerSocket[count];
        int[] ports = new int[count];
        try {
            for (int i = 0; i < count; i++) {
                sockets[i] = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ports[i] = sockets[i].getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            for (ServerSocket socket : sockets) {
                if (socket != null) {
                    try {
                        socket.close();
                    } catch (IOException e) {
                        // a port that was found free and is closed again: nothing to do
                    }
                }
            }
        }
    }
}
