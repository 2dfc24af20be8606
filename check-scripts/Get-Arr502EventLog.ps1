<#
.SYNOPSIS
    The event log entries behind a 502.3, by provider and id over the triage window: ARR health events, ASP.NET Core
    Module events, WAS application pool failures.
.DESCRIPTION
    Three Get-WinEvent -FilterHashtable queries, each bounded by the window and -MaxEvents (the filter runs in the
    event log service, so a busy log cannot push the entries out before they are matched):
      - Application log, ARR's documented health events (TechNet "ARR Events", ff872129): 1000 "Server X in server
        farm Y is being marked unhealthy due to Z" and 1002 "Server farm X has reached its minimum server threshold".
        Microsoft does not document ARR's provider name, so it is looked up on this host (Get-WinEvent -ListProvider,
        names with "Request Routing", "RequestRouting" or the word "ARR") and reported in arrProviders; none found is
        reported as the query's outcome, so a reader knows the health events could not be looked for.
      - Application log, the ASP.NET Core Module ("IIS AspNetCore Module V2", "IIS AspNetCore Module"), which also
        answers 502.3 and writes the HRESULT-bearing entries (ErrorCode = '0x...').
      - System log, Microsoft-Windows-WAS 5002, 5009, 5010, 5011.
    "No events" is an answer; access denied, a missing log or any other failure is written to problems, never as an
    empty list. A query that returned MaxEvents entries is marked truncated. Needs: reading the Application log
    (any user) and the System log (Users may read it by default; a hardened host may need Event Log Readers).
    Prints one JSON document (schema arr502.eventlog).
.PARAMETER WindowMinutes
    How far back to look.
.PARAMETER MaxEvents
    The most entries read by each query.
.PARAMETER OutFile
    Write the document here (UTF-8, ASCII-escaped) instead of to the pipeline.
.EXAMPLE
    .\Get-Arr502EventLog.ps1 -WindowMinutes 120 -MaxEvents 500
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 43200)][int]$WindowMinutes = 60,
    [ValidateRange(1, 100000)][int]$MaxEvents = 500,
    [string]$OutFile = ''
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'Arr502Common.ps1')

$problems = New-Object -TypeName System.Collections.ArrayList
$queries = New-Object -TypeName System.Collections.ArrayList

function Get-Arr502Entries {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Name, [Parameter(Mandatory = $true)][hashtable]$Filter)
    $q = [ordered]@{ name = $Name; log = $Filter['LogName']; count = 0; truncated = $false; outcome = 'ok' }
    $events = @()
    try {
        $events = @(Get-WinEvent -FilterHashtable $Filter -MaxEvents $MaxEvents -ErrorAction Stop)
    } catch {
        $id = [string]$_.FullyQualifiedErrorId
        if ($id -like 'NoMatchingEventsFound*') {
            $q.outcome = 'no events'
        } elseif ($id -like 'NoMatchingProvidersFound*') {
            $q.outcome = 'provider not installed'
        } elseif (Test-Arr502AccessDenied -Record $_) {
            $q.outcome = 'access denied'
            [void]$problems.Add("eventlog ${Name}: access denied reading the $($Filter['LogName']) log as $((Get-Arr502Identity).name) (needs Event Log Readers or an administrator)")
        } else {
            $q.outcome = 'failed'
            [void]$problems.Add("eventlog ${Name}: $($_.Exception.Message -replace '[\r\n]+', ' ')")
        }
    }
    $q.count = $events.Count
    if ($events.Count -ge $MaxEvents) {
        $q.truncated = $true
        [void]$problems.Add("eventlog ${Name}: $MaxEvents or more entries in the window; the newest $MaxEvents were kept")
    }
    [void]$queries.Add($q)
    foreach ($e in $events) {
        [ordered]@{
            time     = ConvertTo-Arr502Time -Time $e.TimeCreated
            id       = $e.Id
            provider = $e.ProviderName
            level    = $e.Level
            logName  = $e.LogName
            message  = [string]$e.Message
        }
    }
}

try {
    $until = Get-Date
    $since = $until.AddMinutes(-$WindowMinutes)
    $arrProviders = @()
    try {
        $arrProviders = @(Get-WinEvent -ListProvider @('*Routing*', '*ARR*') -ErrorAction Stop |
            ForEach-Object -Process { $_.Name } | Where-Object -FilterScript { $_ -match '(?i)request ?routing|\bARR\b' } | Sort-Object -Unique)
    } catch {
        if (-not ([string]$_.FullyQualifiedErrorId -like 'NoMatchingProvidersFound*')) {
            [void]$problems.Add("eventlog: cannot list event providers: $($_.Exception.Message -replace '[\r\n]+', ' ')")
        }
    }
    $arr = @()
    if ($arrProviders.Count -gt 0) {
        $arr = @(Get-Arr502Entries -Name 'arr-health' -Filter @{ LogName = 'Application'; ProviderName = $arrProviders; Id = @(1000, 1002); StartTime = $since })
    } else {
        [void]$queries.Add([ordered]@{ name = 'arr-health'; log = 'Application'; count = 0; truncated = $false; outcome = 'provider not installed' })
    }
    $ancm = @(Get-Arr502Entries -Name 'aspnetcore-module' -Filter @{ LogName = 'Application'; ProviderName = @('IIS AspNetCore Module V2', 'IIS AspNetCore Module'); StartTime = $since })
    $was = @(Get-Arr502Entries -Name 'was' -Filter @{ LogName = 'System'; ProviderName = 'Microsoft-Windows-WAS'; Id = @(5002, 5009, 5010, 5011); StartTime = $since })
    Write-Arr502Document -Schema 'eventlog' -OutFile $OutFile -Data ([ordered]@{
            since        = ConvertTo-Arr502Time -Time $since
            until        = ConvertTo-Arr502Time -Time $until
            arrProviders = $arrProviders
            application  = @($arr + $ancm)
            was          = $was
            queries      = @($queries)
            problems     = @($problems)
        })
    exit 0
} catch {
    Write-Arr502Error -Schema 'eventlog' -Message $_.Exception.Message -OutFile $OutFile
    exit 2
}
