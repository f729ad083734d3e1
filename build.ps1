#!/usr/bin/env pwsh
# Build tasks for pub. Run through the local tool manifest: `dotnet tool restore`, then
# `dotnet tool run pwsh build.ps1 <task>`. Tasks: build, test, pack, clean, ci.
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'test', 'pack', 'clean', 'ci', 'samples')]
    [string] $Task = 'build',
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot

function Invoke-Step([string] $name, [scriptblock] $action) {
    Write-Host "== $name"
    & $action
    if ($LASTEXITCODE -ne 0) { throw "$name failed with exit code $LASTEXITCODE" }
}

function Build { Invoke-Step 'build' { dotnet build PubPipeline.sln -c $Configuration } }

function Test { Invoke-Step 'test' { dotnet test --solution PubPipeline.sln -c $Configuration } }

function Samples {
    Invoke-Step 'build the sample series' { dotnet run --project src/Pub.Cli -c $Configuration -- build --strict }
}

function Pack {
    Invoke-Step 'pack' { dotnet pack src/Pub.Cli -c $Configuration -o artifacts }
    Write-Host "Install with: dotnet tool install --global PubPipeline.Cli --add-source ./artifacts"
}

function Clean {
    foreach ($dir in @('dist', 'artifacts')) {
        if (Test-Path $dir) { Remove-Item -Recurse -Force $dir }
    }
    Invoke-Step 'clean' { dotnet clean PubPipeline.sln -c $Configuration }
}

switch ($Task) {
    'build' { Build }
    'test' { Test }
    'pack' { Pack }
    'clean' { Clean }
    'samples' { Samples }
    'ci' {
        Invoke-Step 'ci' { bash .ci/run }
    }
}
