<#
.SYNOPSIS
    Samples the performance counters behind a 502.3: connections, ASP.NET and HTTP.sys queues, ARR per-server counters.
.DESCRIPTION
    The runbook's "ASP.NET Applications(__Total__)\Requests Queued" names no real counter; this collects the real
    ones: \ASP.NET\Requests Queued, \ASP.NET\Requests Rejected and \ASP.NET Applications(__Total__)\Requests in
    Application Queue, plus \Web Service(_Total)\Current Connections, the HTTP Service Request Queues and the
    Application Request Routing Server counters. A counter set that is not installed is reported, not fatal.
    Prints one JSON document (schema arr502.counters).
.PARAMETER SampleInterval
    Seconds between samples.
.PARAMETER MaxSamples
    Samples per counter.
.EXAMPLE
    .\Get-Arr502Counters.ps1 -SampleInterval 2 -MaxSamples 5
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 60)][int]$SampleInterval = 2,
    [ValidateRange(1, 100)][int]$MaxSamples = 5
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'Arr502Common.ps1')

$paths = @(
    '\Web Service(_Total)\Current Connections',
    '\ASP.NET\Requests Queued',
    '\ASP.NET\Requests Rejected',
    '\ASP.NET Applications(__Total__)\Requests in Application Queue',
    '\HTTP Service Request Queues(*)\CurrentQueueSize',
    '\HTTP Service Request Queues(*)\RejectedRequests',
    '\Application Request Routing Server(*)\Current Requests',
    '\Application Request Routing Server(*)\Failed Requests',
    '\Application Request Routing Server(*)\Health',
    '\Application Request Routing Server(*)\Average Response Time / Request'
)

try {
    $available = @()
    $missing = @()
    foreach ($p in $paths) {
        $set = ($p -split '\\')[1] -replace '\(.*\)$', ''
        if (@(Get-Counter -ListSet $set -ErrorAction SilentlyContinue).Count -gt 0) {
            $available += $p
        } else {
            $missing += $p
        }
    }
    $samples = @()
    if ($available.Count -gt 0) {
        $result = Get-Counter -Counter $available -SampleInterval $SampleInterval -MaxSamples $MaxSamples -ErrorAction SilentlyContinue
        foreach ($set in @($result)) {
            foreach ($s in $set.CounterSamples) {
                $samples += [ordered]@{
                    path      = $s.Path
                    instance  = $s.InstanceName
                    value     = $s.CookedValue
                    timestamp = ConvertTo-Arr502Time -Time $s.Timestamp
                }
            }
        }
    }
    Write-Arr502Document -Schema 'counters' -Data ([ordered]@{ samples = $samples; missing = $missing })
    exit 0
} catch {
    Write-Arr502Error -Schema 'counters' -Message $_.Exception.Message
    exit 2
}
