#!/usr/bin/env pwsh
# Whole-process speed of pub beside the tools a user would run instead, on generated manuscripts
# (bench/Pub.Corpus), in one run on one machine:
#   HTML with citations: `pub build --format html` against `pandoc --citeproc -s`, one Pandoc process
#     per manuscript, in each style given;
#   PDF: `pub build --format pdf` against Typst (npm @myriaddreamin/typst-ts-node-compiler, pinned in
#     bench/typst), one process per manuscript, as `typst compile` runs.
# Every measurement is a whole process or a series of them, start-up included. The tools take turns
# within each round, so a slower moment of the machine falls on all of them; the table gives medians
# over the rounds and the ratio anchor / pub (above 1: pub is faster).
#
#   dotnet tool run pwsh build.ps1 compare       (or: dotnet tool run pwsh bench/compare.ps1 -Runs 5 -Papers 1,20)
param(
    [int] $Runs = 5,
    [string[]] $Papers = @('1', '20'),
    [string[]] $Styles = @('chicago-author-date', 'ieee'),
    [string] $Work = (Join-Path ([IO.Path]::GetTempPath()) 'pub-compare')
)

$ErrorActionPreference = 'Stop'
# "1,20" arrives as one word when the script is started through `dotnet tool run pwsh`.
$Papers = @($Papers | ForEach-Object { $_ -split ',' } | ForEach-Object { [int]$_ })
$repo = Split-Path $PSScriptRoot -Parent

function Invoke-Checked([string] $what, [scriptblock] $action) {
    & $action
    if ($LASTEXITCODE -ne 0) { throw "$what failed with exit code $LASTEXITCODE" }
}

# What the comparison needs, installed where it is missing.
if (-not (Get-Command pandoc -ErrorAction SilentlyContinue)) {
    Invoke-Checked 'apt-get update' { apt-get update -qq }
    Invoke-Checked 'apt-get install pandoc' { apt-get install -y -qq pandoc }
}
# clang and zlib's headers compile pub ahead of time to a native executable (see src/Pub.Cli/Pub.Cli.csproj).
if (-not (Get-Command clang -ErrorAction SilentlyContinue) -or -not (Test-Path /usr/include/zlib.h)) {
    Invoke-Checked 'apt-get update' { apt-get update -qq }
    Invoke-Checked 'apt-get install clang zlib1g-dev' { apt-get install -y -qq clang zlib1g-dev }
}
Push-Location (Join-Path $repo 'bench/typst')
try { Invoke-Checked 'npm ci (Typst)' { npm ci --no-audit --no-fund --silent } } finally { Pop-Location }

# pub as it is published: a native executable when the publish makes one, else pub.dll.
if (Test-Path $Work) { Remove-Item -Recurse -Force $Work }
New-Item -ItemType Directory $Work | Out-Null
$publish = Join-Path $Work 'pub'
Invoke-Checked 'dotnet publish pub' { dotnet publish (Join-Path $repo 'src/Pub.Cli') -c Release -o $publish --nologo -v q | Out-Null }
$native = Join-Path $publish 'pub'
# @(…) keeps a one-element command an array (an if statement would hand back the bare string).
$pub = @(if ((Test-Path $native) -and -not (Test-Path (Join-Path $publish 'pub.runtimeconfig.json'))) { $native } else { 'dotnet'; (Join-Path $publish 'pub.dll') })
Invoke-Checked 'build the corpus generator' { dotnet build (Join-Path $repo 'bench/Pub.Corpus') -c Release --nologo -v q | Out-Null }
$generator = Join-Path $repo 'bench/Pub.Corpus/bin/Release/net10.0/pub-corpus.dll'
$typst = Join-Path $repo 'bench/typst/compile.js'

function New-Corpus([string] $style, [int] $count) {
    $folder = Join-Path $Work "corpus-$style-$count"
    Push-Location $repo
    try { Invoke-Checked 'pub-corpus' { dotnet $generator --out $folder --papers $count --style $style | Out-Null } } finally { Pop-Location }
    return $folder
}

function Get-Median([double[]] $values) {
    $sorted = $values | Sort-Object
    $middle = [int][Math]::Floor($sorted.Count / 2)
    if ($sorted.Count % 2 -eq 1) { return $sorted[$middle] }
    return ($sorted[$middle - 1] + $sorted[$middle]) / 2
}

# Every process is timed by the shell that starts it (bash's `time`, to the millisecond), its output sent to
# /dev/null, as a terminal nobody reads or a script would run it. Timed from here instead, through
# PowerShell's start of a native command and its wait for the end, each process took 10-40 ms longer (pub's
# one-paper PDF 0.174 s against 0.140 s), which weighs most on the shortest; read through PowerShell's
# pipeline, the thousand lines pub prints about bibliography entries no manuscript cites cost 25 ms more.
function Measure-Process([string] $what, [string] $folder, [string[]] $command) {
    $elapsed = bash -c 'cd "$1" && shift && TIMEFORMAT=%3R && { time "$@" >/dev/null 2>&1 ; } 2>&1' bash $folder @command
    if ($LASTEXITCODE -ne 0) { throw "$what failed with exit code $LASTEXITCODE" }
    return [double]::Parse(($elapsed | Select-Object -Last 1), [Globalization.CultureInfo]::InvariantCulture)
}

function Invoke-Pub([string] $corpus, [string] $format) {
    return Measure-Process "pub build --format $format" $corpus ($pub + @('build', '--format', $format, '--force', '--strict'))
}

# One process per manuscript, as a user runs them one after the other; the seconds of each, added up.
function Invoke-Pandoc([string] $corpus) {
    $seconds = 0.0
    foreach ($paper in Get-ChildItem (Join-Path $corpus 'papers') -Directory | Sort-Object Name) {
        $seconds += Measure-Process 'pandoc' $paper.FullName @('pandoc', '--citeproc', '-s', 'paper.md', '-o', (Join-Path $Work 'pandoc.html'))
    }
    return $seconds
}

function Invoke-Typst([string] $corpus) {
    $seconds = 0.0
    foreach ($paper in Get-ChildItem (Join-Path $corpus 'papers') -Directory | Sort-Object Name) {
        $seconds += Measure-Process 'typst' $corpus @('node', $typst, $corpus, (Join-Path $paper.FullName 'paper.typ'), (Join-Path $Work 'typst.pdf'))
    }
    return $seconds
}

# The comparisons: what is built, against which anchor, in which format.
$cases = @()
foreach ($style in $Styles) {
    foreach ($count in $Papers) {
        $corpus = New-Corpus $style $count
        $cases += [pscustomobject]@{ Work = "HTML with citations, $style, $count manuscript(s)"; Anchor = 'pandoc --citeproc'; Format = 'html'; Corpus = $corpus }
        if ($style -eq $Styles[0]) {
            $cases += [pscustomobject]@{ Work = "PDF, $style, $count manuscript(s)"; Anchor = 'Typst'; Format = 'pdf'; Corpus = $corpus }
        }
    }
}

function Invoke-Anchor($case) {
    if ($case.Format -eq 'html') { Invoke-Pandoc $case.Corpus } else { Invoke-Typst $case.Corpus }
}

$rows = @()
foreach ($case in $cases) {
    # One unmeasured round first: files into the page cache, the published pub's first start.
    $null = Invoke-Anchor $case
    $null = Invoke-Pub $case.Corpus $case.Format
    $anchorTimes = @(); $pubTimes = @()
    for ($round = 0; $round -lt $Runs; $round++) {
        if ($round % 2 -eq 0) {
            $anchorTimes += Invoke-Anchor $case
            $pubTimes += Invoke-Pub $case.Corpus $case.Format
        } else {
            $pubTimes += Invoke-Pub $case.Corpus $case.Format
            $anchorTimes += Invoke-Anchor $case
        }
    }
    $anchor = Get-Median $anchorTimes; $mine = Get-Median $pubTimes
    $rows += "| $($case.Work) | $($case.Anchor) | {0:F2} s | {1:F2} s | {2:F2}× |" -f $anchor, $mine, ($anchor / $mine)
    Write-Host $rows[-1]
}

$pandocVersion = (pandoc --version | Select-Object -First 1)
$typstVersion = (Get-Content (Join-Path $repo 'bench/typst/package.json') | ConvertFrom-Json).dependencies.'@myriaddreamin/typst-ts-node-compiler'
$pubKind = if ($pub.Count -eq 1) { 'native executable' } else { 'pub.dll on the .NET runtime' }
$report = @(
    "Whole processes, medians of $Runs alternating rounds after one unmeasured round; $pandocVersion;",
    "Typst via @myriaddreamin/typst-ts-node-compiler $typstVersion; pub published with dotnet publish -c Release ($pubKind);",
    "$([Environment]::ProcessorCount) cores.",
    '',
    '| work | anchor | anchor | pub | anchor / pub |',
    '|---|---|---:|---:|---:|'
) + $rows
$report | Set-Content -Encoding utf8 (Join-Path $Work 'comparison.md')
Write-Host ''
$report | ForEach-Object { Write-Host $_ }
Write-Host ''
Write-Host "written to $(Join-Path $Work 'comparison.md')"
