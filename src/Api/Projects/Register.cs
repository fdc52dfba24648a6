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
    public static Task<IResult> Post(RegisterProject body, HttpContext http, IDocumentSession session)
    {
        var id = Guid.CreateVersion7();
        var context = http.Decision();
        ProjectAccess.AuthorizeRegistration(context.By, body);
        var registered = ProjectDecider.Register(id, body, context);
        var project = Project.Evolve(null, registered)! with { Version = 1 };
        return StreamCommands.StartAsync(http, session, id, body, registered, project, 1, $"/api/projects/{id}");
    }
}
