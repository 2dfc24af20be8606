<#
.SYNOPSIS
    Samples the performance counters behind a 502.3: connections, ASP.NET and HTTP.sys queues, ARR per-server counters,
    on a host of any display language.
.DESCRIPTION
    Get-Counter takes counter paths in the host's language ("\Webdienst(_Total)\Aktuelle Verbindungen" on a German
    host), so English paths fail there. Each English name is looked up in the registry's English name table
    (HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Perflib\009, "Counter": index/name pairs) and the index is
    mapped to the host's name in Perflib\CurrentLanguage; where one English counter name has several indices, the one
    that Get-Counter -ListSet lists in the set is taken. Names missing from the tables (a provider that registers
    English names only) are tried as written. The document carries the English path (path), the local path
    (localPath), the language found (Perflib\CurrentLanguage and the UI culture) and whether each name was mapped.
    Samples every SampleInterval seconds for MaxSamples samples; the span is reported so a reader knows how much of
    its window the counters cover. A set that is not installed is listed in missing, not fatal.
    Needs: any user in Performance Monitor Users, or an administrator (reading counters of IIS worker processes).
    Prints one JSON document (schema arr502.counters).
.PARAMETER SampleInterval
    Seconds between samples.
.PARAMETER MaxSamples
    Samples per counter.
.PARAMETER OutFile
    Write the document here (UTF-8, ASCII-escaped) instead of to the pipeline.
.EXAMPLE
    .\Get-Arr502Counters.ps1 -SampleInterval 2 -MaxSamples 5
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 60)][int]$SampleInterval = 2,
    [ValidateRange(1, 1800)][int]$MaxSamples = 5,
    [string]$OutFile = ''
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'Arr502Common.ps1')

# English set, instance, counter: the names of the documented counters (iis-docs ARR performance counters; ASP.NET)
$wanted = @(
    @('Web Service', '_Total', 'Current Connections'),
    @('ASP.NET', '', 'Requests Queued'),
    @('ASP.NET', '', 'Requests Rejected'),
    @('ASP.NET Applications', '__Total__', 'Requests in Application Queue'),
    @('HTTP Service Request Queues', '*', 'CurrentQueueSize'),
    @('HTTP Service Request Queues', '*', 'RejectedRequests'),
    @('Application Request Routing Server', '*', 'Current Requests'),
    @('Application Request Routing Server', '*', 'Failed Requests'),
    @('Application Request Routing Server', '*', 'Health'),
    @('Application Request Routing Server', '*', 'State'),
    @('Application Request Routing Server', '*', 'Average Response Time / Request')
)

function Read-Arr502PerflibNames {
    [CmdletBinding()]
    param([Parameter(Mandatory = $true)][string]$Language)
    # REG_MULTI_SZ "Counter": index, name, index, name, ...; returns name -> list of indices and index -> name
    $key = "HKLM:\SOFTWARE\Microsoft\Windows NT\CurrentVersion\Perflib\$Language"
    $pairs = @((Get-ItemProperty -LiteralPath $key -Name 'Counter').Counter)
    $byName = @{}
    $byIndex = @{}
    for ($i = 0; $i + 1 -lt $pairs.Count; $i += 2) {
        $index = $pairs[$i]
        $name = $pairs[$i + 1]
        $byIndex[$index] = $name
        if (-not $byName.ContainsKey($name)) {
            $byName[$name] = New-Object -TypeName System.Collections.ArrayList
        }
        [void]$byName[$name].Add($index)
    }
    return @{ byName = $byName; byIndex = $byIndex }
}

function Get-Arr502LocalName {
    [CmdletBinding()]
    param($English, $Local, [string]$Name)
    $out = @()
    if ($English.byName.ContainsKey($Name)) {
        foreach ($index in $English.byName[$Name]) {
            if ($Local.byIndex.ContainsKey($index)) {
                $out += $Local.byIndex[$index]
            }
        }
    }
    return @($out | Select-Object -Unique)
}

try {
    $problems = New-Object -TypeName System.Collections.ArrayList
    $language = [ordered]@{ perflibCurrentLanguage = $null; uiCulture = [System.Globalization.CultureInfo]::CurrentUICulture.Name; namesMapped = $false }
    $english = $null
    $local = $null
    try {
        $english = Read-Arr502PerflibNames -Language '009'
        $local = Read-Arr502PerflibNames -Language 'CurrentLanguage'
        $language.namesMapped = $true
        # Perflib\CurrentLanguage follows the UI language: its primary language id, as Perflib names its folders (009, 007, 00C)
        $language.perflibCurrentLanguage = '{0:X3}' -f ([System.Globalization.CultureInfo]::CurrentUICulture.LCID -band 0x3ff)
    } catch {
        [void]$problems.Add("counters: cannot read the counter name tables under Perflib ($($_.Exception.Message -replace '[\r\n]+', ' ')); English paths are tried as written and fail on a non-English host")
    }

    $plan = @()
    $missing = @()
    foreach ($w in $wanted) {
        $set = $w[0]
        $instance = $w[1]
        $counter = $w[2]
        $englishPath = '\' + $set + $(if ($instance -ne '') { "($instance)" } else { '' }) + '\' + $counter
        $localSets = @($set)
        if ($null -ne $english) {
            $mapped = @(Get-Arr502LocalName -English $english -Local $local -Name $set)
            if ($mapped.Count -gt 0) {
                $localSets = $mapped
            }
        }
        $listSet = $null
        foreach ($candidate in $localSets) {
            $listSet = @(Get-Counter -ListSet $candidate -ErrorAction SilentlyContinue) | Select-Object -First 1
            if ($null -ne $listSet) {
                break
            }
        }
        if ($null -eq $listSet) {
            $missing += $englishPath
            continue
        }
        # the counter's local name: the candidate index whose name this set really lists
        $localCounter = $null
        $candidates = @($counter)
        if ($null -ne $english) {
            $candidates = @(Get-Arr502LocalName -English $english -Local $local -Name $counter) + @($counter)
        }
        foreach ($c in $candidates) {
            $hit = @($listSet.Counter | Where-Object -FilterScript { $_ -like "*\$c" })
            if ($hit.Count -gt 0) {
                $localCounter = $c
                break
            }
        }
        if ($null -eq $localCounter) {
            $missing += $englishPath
            continue
        }
        $localPath = '\' + $listSet.CounterSetName + $(if ($instance -ne '') { "($instance)" } else { '' }) + '\' + $localCounter
        $plan += [ordered]@{ englishPath = $englishPath; localPath = $localPath; set = $listSet.CounterSetName; counter = $localCounter }
    }

    $samples = @()
    $first = $null
    $last = $null
    if ($plan.Count -gt 0) {
        $paths = @($plan | ForEach-Object -Process { $_.localPath })
        $result = @()
        try {
            $result = @(Get-Counter -Counter $paths -SampleInterval $SampleInterval -MaxSamples $MaxSamples -ErrorAction Stop)
        } catch {
            if (Test-Arr502AccessDenied -Record $_) {
                [void]$problems.Add("counters: access denied as $((Get-Arr502Identity).name) (needs Performance Monitor Users or an administrator)")
            } else {
                [void]$problems.Add("counters: $($_.Exception.Message -replace '[\r\n]+', ' ')")
            }
        }
        foreach ($set in $result) {
            foreach ($s in $set.CounterSamples) {
                # \\host\set(instance)\counter -> the English path of the plan entry it came from
                $p = $plan | Where-Object -FilterScript {
                    $s.Path -like ('*\' + $_.set + '(*)\' + $_.counter) -or $s.Path -like ('*\' + $_.set + '\' + $_.counter)
                } | Select-Object -First 1
                $en = $(if ($null -ne $p) { ($p.englishPath -replace '\(\*\)', "($($s.InstanceName))") } else { $null })
                $samples += [ordered]@{
                    path      = $en
                    localPath = $s.Path
                    instance  = $s.InstanceName
                    value     = $s.CookedValue
                    status    = $s.Status
                    timestamp = ConvertTo-Arr502Time -Time $s.Timestamp
                }
                if ($null -eq $first -or $s.Timestamp -lt $first) { $first = $s.Timestamp }
                if ($null -eq $last -or $s.Timestamp -gt $last) { $last = $s.Timestamp }
            }
        }
    }
    $span = $(if ($null -ne $first) { [int]($last - $first).TotalSeconds } else { 0 })
    Write-Arr502Document -Schema 'counters' -OutFile $OutFile -Data ([ordered]@{
            language       = $language
            sampleInterval = $SampleInterval
            spanSeconds    = $span
            samples        = $samples
            missing        = $missing
            problems       = @($problems)
        })
    exit 0
} catch {
    Write-Arr502Error -Schema 'counters' -Message $_.Exception.Message -OutFile $OutFile
    exit 2
}
