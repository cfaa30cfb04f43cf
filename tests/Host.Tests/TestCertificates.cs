using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AgentPhone.Host.Tests;

/// <summary>
/// What an operator makes for HTTPS, in a folder: a CA of its own (PEM, for the phones) and a
/// server certificate it issued for 127.0.0.1 and localhost (PKCS#12 with its key and a
/// password, for the server's --cert).
/// </summary>
internal sealed class TestCertificates
{
    public const string Password = "pfx-test-password";

    /// <param name="expired">The server certificate's validity ended yesterday.</param>
    public TestCertificates(string folder, bool expired = false)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using RSA caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=AgentPhone Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using X509Certificate2 ca = caRequest.CreateSelfSigned(now.AddDays(-30), now.AddDays(30));

        using RSA key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using X509Certificate2 issued = request.Create(ca, expired ? now.AddDays(-20) : now.AddDays(-1), expired ? now.AddDays(-1) : now.AddDays(29), RandomNumberGenerator.GetBytes(8));
        using X509Certificate2 server = issued.CopyWithPrivateKey(key);

        Pfx = Path.Combine(folder, "server.pfx");
        File.WriteAllBytes(Pfx, server.Export(X509ContentType.Pfx, Password));
        CaPemFile = Path.Combine(folder, "ca.pem");
        CaPem = ca.ExportCertificatePem();
        File.WriteAllText(CaPemFile, CaPem);
    }

    public string Pfx { get; }

    public string CaPemFile { get; }

    public string CaPem { get; }

    /// <summary>An HTTP client that trusts this CA alone (the PBX's or a script's).</summary>
    public HttpClient Client(Uri baseAddress) =>
        new(AgentPhone.Hardware.Virtual.LoopbackHttp.TrustingOnly(CaPem)) { BaseAddress = baseAddress };
}
