using System.Reflection;
using Microsoft.Extensions.FileProviders;

namespace Funds.Api.Board;

/// <summary>The read-only board at <c>/board</c>: static HTML, CSS and script embedded in this assembly (no front-end
/// build, nothing from another site). The files are public; every number on them comes from the JSON API with the
/// reader's bearer token, so the board shows exactly what the token may read. Served before authentication, so it
/// changes nothing for <c>/api</c> routes and the fallback policy.</summary>
public static class BoardSite
{
    public const string Path = "/board";

    public static void UseBoard(this WebApplication app)
    {
        var files = new EmbeddedFileProvider(Assembly.GetExecutingAssembly(), "Funds.Api.Board.www");
        app.Use((http, next) =>
        {
            var path = http.Request.Path;
            if (path.Equals(Path, StringComparison.Ordinal))
            {
                http.Response.Redirect(Path + "/");
                return Task.CompletedTask;
            }
            if (path.Equals(Path + "/", StringComparison.Ordinal)) http.Request.Path = Path + "/index.html";
            return next(http);
        });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            RequestPath = Path,
            OnPrepareResponse = c =>
            {
                var headers = c.Context.Response.Headers;
                // only this site's own files: no CDN, no inline script; ECharts sets inline styles
                headers.ContentSecurityPolicy = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";
                headers.XContentTypeOptions = "nosniff";
                headers.CacheControl = "no-cache";
            },
        });
    }
}
