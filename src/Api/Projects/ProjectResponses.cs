using Funds.Api.Infrastructure;
using Funds.Domain.Common;
using Funds.Domain.Projects;
using Marten;

namespace Funds.Api.Projects;

public static class ProjectFold
{
    /// <summary>The project after the events just decided, as the response to the command.</summary>
    public static Project After(Project before, IEnumerable<object> events)
    {
        var state = before;
        var version = before.Version;
        foreach (var e in events)
        {
            state = Project.Evolve(state, e)!;
            version++;
        }
        return state with { Version = version };
    }

    /// <summary>Runs a project command: the Domain authorizes and decides, <see cref="StreamCommands"/> does the HTTP and storage part.</summary>
    public static Task<IResult> Run(Guid id, IProjectCommand command, HttpContext http, IDocumentStore store)
        => StreamCommands.RunAsync(http, store, new { id, command = (object)command }, async (session, expected) =>
        {
            var stream = await StreamCommands.FetchAsync<Project>(session, id, expected, NotFound(id), http.RequestAborted);
            var context = http.Decision();
            ProjectAccess.Authorize(context.By, stream.Aggregate!, command);
            var events = ProjectDecider.Decide(command, stream.Aggregate!, context);
            stream.AppendMany(events);
            var after = After(stream.Aggregate!, events);
            return new CommandOutcome(after, after.Version);
        });

    public static string NotFound(Guid id) => $"No project with id {id}.";
}
