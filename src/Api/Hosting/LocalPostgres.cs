using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Funds.Api.Hosting;

/// <summary>
/// A PostgreSQL cluster run from the server binaries installed on this machine (initdb + pg_ctl).
/// Two uses: the API's persistent Development cluster (kept in a git-ignored folder, reused across runs)
/// and the tests' throwaway clusters (tests/Funds.Testing). PostgreSQL refuses to run as root, so as
/// root every server command runs as the <c>postgres</c> user.
/// </summary>
public sealed class LocalPostgres : IAsyncDisposable
{
    private readonly string _bin;
    private readonly bool _throwaway;
    private readonly bool _startedHere;

    public string DataDirectory { get; }
    public int Port { get; }
    /// <summary>Set for the persistent Development cluster, which takes passwords (scram-sha-256); the tests'
    /// throwaway clusters trust local connections.</summary>
    public string? Password { get; private init; }
    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
                                      + (Password is null ? "" : $";Password={Password}");

    private LocalPostgres(string bin, string dataDirectory, int port, bool throwaway, bool startedHere)
        => (_bin, DataDirectory, Port, _throwaway, _startedHere) = (bin, dataDirectory, port, throwaway, startedHere);

    public const string InstallHint =
        "No PostgreSQL is available. Configure ConnectionStrings:Funds, or install the PostgreSQL server binaries " +
        "(Debian/Ubuntu: apt-get install postgresql; they land in /usr/lib/postgresql/<version>/bin), " +
        "or set PG_BIN to the folder holding initdb and pg_ctl.";

    /// <summary>The folder holding initdb and pg_ctl: $PG_BIN, the newest /usr/lib/postgresql/*/bin, or PATH.</summary>
    public static string? FindBinaries()
    {
        static bool Has(string? dir) => dir is not null && File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"));

        var fromEnv = Environment.GetEnvironmentVariable("PG_BIN");
        if (Has(fromEnv)) return fromEnv;
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            var newest = Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (dir: Path.Combine(d, "bin"), version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(x => Has(x.dir)).OrderByDescending(x => x.version).FirstOrDefault();
            if (newest.dir is not null) return newest.dir;
        }
        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).FirstOrDefault(Has);
    }

    /// <summary>Creates a cluster in <paramref name="dataDirectory"/> (initdb) and starts it on <paramref name="port"/>
    /// with the given server settings; with <paramref name="throwaway"/>, disposing stops it and deletes the folder.</summary>
    public static async Task<LocalPostgres> CreateAsync(string dataDirectory, int port, string[] settings, bool throwaway, CancellationToken ct = default)
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(InstallHint);
        await InitAsync(bin, dataDirectory, ct);
        await StartAsync(bin, dataDirectory, port, settings, ct);
        return new LocalPostgres(bin, dataDirectory, port, throwaway, startedHere: true) { _settings = settings };
    }

    /// <summary>Starts the persistent cluster in <paramref name="dataDirectory"/>, creating it on first use,
    /// or reuses it when it is already running. It takes passwords: the superuser's is generated once and kept
    /// beside the cluster in <c>postgres.password</c> (mode 0600); a cluster made before that (trusting local
    /// connections) is switched over on its next start.</summary>
    public static async Task<LocalPostgres> StartPersistentAsync(string dataDirectory, int port, CancellationToken ct = default)
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(InstallHint);
        dataDirectory = Path.GetFullPath(dataDirectory);
        var passwordFile = dataDirectory.TrimEnd('/') + ".password";
        var running = RunningPort(dataDirectory);
        if (running is not null && await IsRunningAsync(bin, dataDirectory, ct))
        {
            var reused = new LocalPostgres(bin, dataDirectory, running.Value, throwaway: false, startedHere: false);
            return await reused.RequirePasswordAsync(passwordFile, ct);
        }

        if (!File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
            await InitAsync(bin, dataDirectory, ct);
        if (!PortIsFree(port))
            throw new InvalidOperationException(
                $"Port {port} for the local PostgreSQL cluster in {dataDirectory} is taken by another program. " +
                "Set Funds:LocalDatabase:Port to a free port, or configure ConnectionStrings:Funds.");
        await StartAsync(bin, dataDirectory, port, ["max_connections=200"], ct);
        return await new LocalPostgres(bin, dataDirectory, port, throwaway: false, startedHere: true).RequirePasswordAsync(passwordFile, ct);
    }

    private async Task<LocalPostgres> RequirePasswordAsync(string passwordFile, CancellationToken ct)
    {
        var hba = Path.Combine(DataDirectory, "pg_hba.conf");
        if (File.Exists(passwordFile) && !File.ReadAllText(hba).Contains("trust", StringComparison.Ordinal))
            return new LocalPostgres(_bin, DataDirectory, Port, _throwaway, _startedHere) { Password = File.ReadAllText(passwordFile).Trim() };

        var password = File.Exists(passwordFile) ? File.ReadAllText(passwordFile).Trim() : Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));
        if (!File.Exists(passwordFile))
        {
            using (File.Create(passwordFile)) { }
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.WriteAllText(passwordFile, password + "\n");
        }
        await using (var conn = new Npgsql.NpgsqlConnection(ConnectionString))
        {
            await conn.OpenAsync(ct);
            await using var cmd = new Npgsql.NpgsqlCommand($"alter role postgres password '{password}'", conn);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        File.WriteAllText(hba, "# Funds: the Development cluster takes passwords (see postgres.password beside this folder).\n" +
                               "local all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\nhost all all ::1/128 scram-sha-256\n");
        if (IsRoot) await RunAsync("chown", ["postgres:postgres", hba], ct);
        await RunAsync(Path.Combine(_bin, "pg_ctl"), ["reload", "-D", DataDirectory], ct);
        return new LocalPostgres(_bin, DataDirectory, Port, _throwaway, _startedHere) { Password = password };
    }

    /// <summary>Stops the server (fault-injection: the reliability run restarts it with <see cref="RestartAsync"/>).</summary>
    public Task StopAsync(bool immediate = false)
        => RunAsync(Path.Combine(_bin, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", immediate ? "immediate" : "fast", "-w"], CancellationToken.None);

    /// <summary>Starts the stopped server again on the same port.</summary>
    public Task RestartAsync() => StartAsync(_bin, DataDirectory, Port, _settings, CancellationToken.None);

    private string[] _settings = ["max_connections=200"];

    /// <summary>Stops the server if this instance started it; a throwaway cluster is also deleted.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_startedHere) return;
        try
        {
            await StopAsync(immediate: _throwaway);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }
        if (_throwaway)
        {
            try { Directory.Delete(DataDirectory, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static async Task InitAsync(string bin, string dir, CancellationToken ct)
    {
        Directory.CreateDirectory(dir);
        if (IsRoot && !OperatingSystem.IsWindows())
        {
            await RunAsync("chown", ["-R", "postgres:postgres", dir], ct);
            var blocked = Ancestors(dir).FirstOrDefault(a => !OperatingSystem.IsWindows() && (File.GetUnixFileMode(a) & UnixFileMode.OtherExecute) == 0);
            if (blocked is not null)
                throw new InvalidOperationException(
                    $"PostgreSQL runs as the 'postgres' user, which cannot reach {dir} because {blocked} is closed to other users. " +
                    "Set Funds:LocalDatabase:DataDirectory (env Funds__LocalDatabase__DataDirectory) to a folder it can reach, e.g. /var/tmp/funds-data, " +
                    "or configure ConnectionStrings:Funds.");
        }
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", dir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"], ct);
    }

    private static async Task StartAsync(string bin, string dir, int port, string[] settings, CancellationToken ct)
    {
        var options = string.Join(' ', new[] { $"-p {port}", "-c listen_addresses=127.0.0.1", "-c unix_socket_directories=''" }
            .Concat(settings.Select(s => $"-c {s}")));
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["start", "-D", dir, "-w", "-t", "60", "-l", Path.Combine(dir, "server.log"), "-o", options], ct);
    }

    private static async Task<bool> IsRunningAsync(string bin, string dir, CancellationToken ct)
    {
        try
        {
            await RunAsync(Path.Combine(bin, "pg_ctl"), ["status", "-D", dir], ct);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The port recorded in postmaster.pid (its fourth line), if the file exists.</summary>
    private static int? RunningPort(string dir)
    {
        var pidFile = Path.Combine(dir, "postmaster.pid");
        if (!File.Exists(pidFile)) return null;
        try
        {
            var lines = File.ReadAllLines(pidFile);
            return lines.Length > 3 && int.TryParse(lines[3].Trim(), out var p) ? p : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private static IEnumerable<string> Ancestors(string dir)
    {
        for (var d = Directory.GetParent(dir); d is not null && d.FullName != "/"; d = d.Parent)
            yield return d.FullName;
    }

    private static async Task RunAsync(string file, string[] args, CancellationToken ct)
    {
        var psi = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (IsRoot && file != "chown")
        {
            psi.FileName = "runuser";
            foreach (var a in new[] { "-u", "postgres", "--", file }) psi.ArgumentList.Add(a);
        }
        else
        {
            psi.FileName = file;
        }
        foreach (var a in args) psi.ArgumentList.Add(a);
        // Run from a folder the postgres user can read, or initdb complains about the working directory.
        psi.WorkingDirectory = Path.GetTempPath();

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Path.GetFileName(file)} {string.Join(' ', args)} failed ({process.ExitCode}): {(await stderr).Trim()} {(await stdout).Trim()}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool PortIsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
