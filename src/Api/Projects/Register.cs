using Funds.Api.Infrastructure;
using Funds.Domain.Common;
using Funds.Domain.Projects;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace Funds.Api.Projects;

public static class RegisterEndpoint
{
    /// <summary>Register a project (申报): kind, category, name, township, village and plan year.</summary>
    [Authorize(Policy = Policies.TownshipHq)]
    [WolverinePost("/api/projects", OperationId = "RegisterProject")]
    [ProducesResponseType<Project>(StatusCodes.Status201Created)]
    public static Task<IResult> Post(RegisterProject body, HttpContext http, IDocumentStore store)
        => StreamCommands.RunAsync(http, store, body, (session, _) =>
        {
            var id = Guid.CreateVersion7();
            var context = http.Decision();
            ProjectAccess.AuthorizeRegistration(context.By, body);
            var registered = ProjectDecider.Register(id, body, context);
            session.Events.StartStream<Project>(id, registered);
            var project = Project.Evolve(null, registered)! with { Version = 1 };
            return Task.FromResult(new CommandOutcome(project, 1, StatusCodes.Status201Created, $"/api/projects/{id}"));
        });
}
