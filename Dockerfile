# RolePlay bot image for Azure Container Apps (infra/). Build: az acr build -r <registry> -t roleplay:<tag> .
# Everything the bot serves is embedded in its assemblies (content packs, studio and dashboard pages, the detector's
# model), so the image holds only the published app. No data directory: in Azure the store is Azure Tables and the
# Data Protection keys live in a blob; the SQLite default is for a developer's machine, not this image.

# The studio embeds Microsoft's Adaptive Cards renderer from npm at the version its lock file pins; building it here
# means the .NET SDK stage needs no Node.js (RolePlay.Studio runs npm ci only when the bundle is missing).
FROM node:22-bookworm-slim AS studio-assets
WORKDIR /src/src/RolePlay.Studio
COPY src/RolePlay.Studio/package.json src/RolePlay.Studio/package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props ./
COPY src/ src/
COPY --from=studio-assets /src/src/RolePlay.Studio/node_modules/adaptivecards/dist/adaptivecards.min.js src/RolePlay.Studio/node_modules/adaptivecards/dist/
RUN dotnet publish src/RolePlay.Bot/RolePlay.Bot.csproj -c Release -o /app/publish -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
WORKDIR /app
COPY --from=build /app/publish .
# The image's own default, stated so the Container App's ingress and probes (infra/modules/app.bicep) can be checked
# against it; LocalDefaultUrl gives way to it, so the bot listens on every interface of the container.
ENV ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
# The non-root user Microsoft's .NET images create (app, uid 1654).
USER $APP_UID
ENTRYPOINT ["dotnet", "RolePlay.Bot.dll"]
