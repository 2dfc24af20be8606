<#
.SYNOPSIS
    The newest failed-request traces (fr*.xml) of the triage window under FailedReqLogFiles, listed and copied.
.DESCRIPTION
    Lists the traces written in the last WindowMinutes, newest first, capped at Max files; with -CopyTo copies them
    (keeping their W3SVC<n> folder) until MaxCopyMB is reached, so check_arr502 triage --evidence reads the traces
    themselves. FREB keeps at most maxLogFiles (default 50) traces per site: the copies are a sample.
    Needs: read access to FailedReqLogFiles (administrators and IIS_IUSRS by default); access denied is written to
    problems, never as "no traces". Prints one JSON document (schema arr502.freb-listing).
.PARAMETER Path
    The FailedReqLogFiles folder.
.PARAMETER Max
    The most files listed.
.PARAMETER WindowMinutes
    Only traces written in the last WindowMinutes.
.PARAMETER CopyTo
    Folder to copy the listed traces into (W3SVC<n>\fr*.xml below it).
.PARAMETER MaxCopyMB
    The most megabytes copied.
.PARAMETER OutFile
    Write the document here (UTF-8, ASCII-escaped) instead of to the pipeline.
.EXAMPLE
    .\Get-Arr502FrebListing.ps1 -Max 50 -WindowMinutes 60 -CopyTo C:\ProgramData\arr502\evidence\FailedReqLogFiles
#>
[CmdletBinding()]
param(
    [string]$Path = (Join-Path -Path $env:SystemDrive -ChildPath 'inetpub\logs\FailedReqLogFiles'),
    [ValidateRange(1, 10000)][int]$Max = 50,
    [ValidateRange(1, 43200)][int]$WindowMinutes = 60,
    [string]$CopyTo = '',
    [ValidateRange(1, 1024)][int]$MaxCopyMB = 20,
    [string]$OutFile = ''
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'Arr502Common.ps1')

try {
    $problems = New-Object -TypeName System.Collections.ArrayList
    $files = @()
    $copied = 0
    $copiedBytes = 0
    if (Test-Path -LiteralPath $Path) {
        $since = (Get-Date).ToUniversalTime().AddMinutes(-$WindowMinutes)
        $found = @(Get-ChildItem -LiteralPath $Path -Recurse -Filter 'fr*.xml' -File -ErrorAction SilentlyContinue -ErrorVariable listErrors |
            Where-Object -FilterScript { $_.LastWriteTimeUtc -ge $since } |
            Sort-Object -Property LastWriteTimeUtc -Descending |
            Select-Object -First $Max)
        foreach ($le in @($listErrors)) {
            $why = $(if (Test-Arr502AccessDenied -Record $le) { 'access denied' } else { $le.Exception.Message -replace '[\r\n]+', ' ' })
            [void]$problems.Add("freb-listing: $why ($($le.TargetObject)) as $((Get-Arr502Identity).name)")
        }
        foreach ($f in $found) {
            $entry = [ordered]@{ path = $f.FullName; sizeBytes = $f.Length; lastWriteTime = ConvertTo-Arr502Time -Time $f.LastWriteTime; copy = $null }
            if ($CopyTo -ne '' -and ($copiedBytes + $f.Length) -le ($MaxCopyMB * 1048576)) {
                $site = Split-Path -Path $f.DirectoryName -Leaf
                $dest = Join-Path -Path $CopyTo -ChildPath $site
                New-Item -ItemType Directory -Force -Path $dest | Out-Null
                try {
                    Copy-Item -LiteralPath $f.FullName -Destination (Join-Path -Path $dest -ChildPath $f.Name) -Force
                    $entry.copy = "FailedReqLogFiles\$site\$($f.Name)"
                    $copied++
                    $copiedBytes += $f.Length
                } catch {
                    $why = $(if (Test-Arr502AccessDenied -Record $_) { 'access denied' } else { $_.Exception.Message -replace '[\r\n]+', ' ' })
                    [void]$problems.Add("freb-listing: cannot copy $($f.FullName): $why")
                }
            }
            $files += $entry
        }
        if ($CopyTo -ne '' -and $copied -lt $found.Count) {
            [void]$problems.Add("freb-listing: $copied of $($found.Count) traces copied (limit $MaxCopyMB MB)")
        }
    } else {
        [void]$problems.Add("freb-listing: $Path does not exist (failed request tracing never wrote here)")
    }
    Write-Arr502Document -Schema 'freb-listing' -OutFile $OutFile -Data ([ordered]@{
            root          = $Path
            windowMinutes = $WindowMinutes
            files         = $files
            copied        = $copied
            problems      = @($problems)
        })
    exit 0
} catch {
    Write-Arr502Error -Schema 'freb-listing' -Message $_.Exception.Message -OutFile $OutFile
    exit 2
}
