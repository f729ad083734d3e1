#!/usr/bin/env pwsh
# Build tasks for pub. Run through the local tool manifest: `dotnet tool restore`, then
# `dotnet tool run pwsh build.ps1 <task>`. Tasks: build, test, acceptance, publish, pack, clean, ci, samples, compare, fuzz.
param(
    [Parameter(Position = 0)]
    [ValidateSet('build', 'test', 'acceptance', 'publish', 'pack', 'clean', 'ci', 'samples', 'compare', 'fuzz')]
    [string] $Task = 'build',
    [string] $Configuration = 'Release',
    # fuzz: seconds each property runs on random seeds; a failure prints the seed to replay with PUB_FUZZ_SEED.
    [int] $FuzzSeconds = 120
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

# The HTML acceptance suite: installs its checkers (vnu-jar, axe-core) from package-lock.json, then
# checks every page of the sample series. Needs java and /usr/bin/chromium (Debian: default-jre-headless,
# chromium); without them the tests are skipped with the reason, or fail when CI=true.
function Acceptance {
    Invoke-Step 'npm ci (acceptance tools)' {
        Push-Location tests/Pub.Acceptance
        try { npm ci --ignore-scripts --no-audit --no-fund } finally { Pop-Location }
    }
    Invoke-Step 'acceptance' { dotnet test --project tests/Pub.Acceptance -c $Configuration }
}

function Samples {
    Invoke-Step 'build the sample series' { dotnet run --project src/Pub.Cli -c $Configuration -- build --strict }
}

# The fuzz properties of tests/Pub.Fuzz.Tests, each for $FuzzSeconds seconds on random seeds instead of the short
# fixed-seed pass of `dotnet test`. PUB_FUZZ_SEED, when set, is where the search starts.
function Fuzz {
    $env:PUB_FUZZ_SECONDS = "$FuzzSeconds"
    try {
        Invoke-Step "fuzz ($FuzzSeconds s per property)" { dotnet test --project tests/Pub.Fuzz.Tests -c $Configuration }
    } finally {
        Remove-Item Env:PUB_FUZZ_SECONDS
    }
}

# The pub users run, in artifacts/pub: on linux-x64 a native executable compiled ahead of time (needs clang and
# zlib's headers: Debian clang, zlib1g-dev), elsewhere pub.dll for the .NET runtime.
function Publish {
    Invoke-Step 'publish' { dotnet publish src/Pub.Cli -c $Configuration -o artifacts/pub }
}

# The tool package in three parts, as the .NET CLI installs them: PubPipeline.Cli (names the other two),
# PubPipeline.Cli.linux-x64 (the native executable; packed on linux-x64) and PubPipeline.Cli.any (pub.dll for
# every other platform with the .NET 10 runtime).
function Pack {
    Invoke-Step 'pack (linux-x64, native)' { dotnet pack src/Pub.Cli -c $Configuration -r linux-x64 -o artifacts }
    Invoke-Step 'pack (any platform, .NET runtime)' { dotnet pack src/Pub.Cli -c $Configuration -r any -o artifacts }
    Invoke-Step 'pack (the package that names them)' { dotnet pack src/Pub.Cli -c $Configuration -o artifacts }
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
    'acceptance' { Acceptance }
    'publish' { Publish }
    'pack' { Pack }
    'clean' { Clean }
    'samples' { Samples }
    'fuzz' { Fuzz }
    # Whole-process speed beside Pandoc and Typst on generated manuscripts (bench/compare.ps1).
    'compare' { & (Join-Path $PSScriptRoot 'bench/compare.ps1') }
    'ci' {
        Invoke-Step 'ci' { bash .ci/run }
    }
}
