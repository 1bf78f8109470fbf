using System.Net.Sockets;
using System.Text;

namespace MassWork.AppHost.Servers;

/// <summary>Whether a Docker engine answers on this machine (its client alone is not enough).</summary>
internal static class DockerEngine
{
    public static bool Answers()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        var path = host is { Length: > 0 } ? (host.StartsWith("unix://", StringComparison.Ordinal) ? host["unix://".Length..] : null) : "/var/run/docker.sock";
        if (host is { Length: > 0 } && path is null)
        {
            return true; // a TCP engine: Aspire's own checks report if it does not answer
        }

        if (!File.Exists(path))
        {
            return false;
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) { ReceiveTimeout = 2000, SendTimeout = 2000 };
            socket.Connect(new UnixDomainSocketEndPoint(path));
            socket.Send("GET /_ping HTTP/1.0\r\n\r\n"u8);
            var buffer = new byte[64];
            var read = socket.Receive(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).Contains(" 200 ", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
