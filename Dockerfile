# Builds the API image (the demo seeding included, off unless Funds__Demo__Seed=true). The repo-local
# package source (eng/packages) must be in the build context.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish tools/Funds.Demo/Funds.Demo.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080 \
    Funds__Demo__Seed=false
EXPOSE 8080
# The image's unprivileged user (uid 1654), never root.
USER $APP_UID
ENTRYPOINT ["dotnet", "Funds.Demo.dll"]
