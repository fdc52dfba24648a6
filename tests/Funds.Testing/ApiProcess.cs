using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Funds.Testing;

/// <summary>The API as a separate process on a loopback port (so it can be killed), for the reliability run and the benchmarks.</summary>
public sealed class ApiProcess(string connectionString, IReadOnlyDictionary<string, string> settings) : IDisposable
{
    public string BaseUrl { get; } = $"http://127.0.0.1:{FreePort()}";
    private Process? _process;
    public int? ProcessId => _process?.Id;

    public async Task StartAsync()
    {
        var psi = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Funds.Api.dll"), "--urls", BaseUrl])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = AppContext.BaseDirectory,
        };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["ConnectionStrings__Funds"] = connectionString;
        foreach (var (key, value) in settings) psi.Environment[key] = value;
        _process = Process.Start(psi)!;
        // FUNDS_API_LOG names a file that collects the API's console output (for finding the cause of a 500).
        var log = Environment.GetEnvironmentVariable("FUNDS_API_LOG") is { Length: > 0 } path ? TextWriter.Synchronized(new StreamWriter(path, append: true) { AutoFlush = true }) : null;
        _process.OutputDataReceived += (_, e) => log?.WriteLine(e.Data);
        _process.ErrorDataReceived += (_, e) => log?.WriteLine(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 240; i++)
        {
            if (await HealthyAsync(probe)) return;
            await Task.Delay(500);
        }
        throw new InvalidOperationException("The API did not become healthy within 120 s.");
    }

    public async Task<bool> HealthyAsync(HttpClient? client = null)
    {
        try
        {
            using var own = client is null ? new HttpClient { Timeout = TimeSpan.FromSeconds(2) } : null;
            return (await (client ?? own!).GetAsync($"{BaseUrl}/health")).IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL: no graceful shutdown, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (_process is null) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public static async Task<string> TokenAsync(HttpClient http, object request)
    {
        var response = await http.PostAsJsonAsync("/api/dev/token", request);
        return (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["accessToken"]!;
    }

    public static async Task<JsonNode> PostAsync(HttpClient http, string token, string url, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }

    /// <summary>Puts a village on the county's register as admin (projects can only be registered in registered
    /// villages); one already registered is fine.</summary>
    public static async Task RegisterVillageAsync(HttpClient http, string adminToken, string township, string village)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/villages")
        {
            Content = JsonContent.Create(new { township, name = village, status = "Poor", registeredOn = "2017-01-01" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode && response.StatusCode != System.Net.HttpStatusCode.Conflict)
            throw new InvalidOperationException($"/api/villages: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public void Dispose()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.Dispose();
    }

    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
