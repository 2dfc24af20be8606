<#
.SYNOPSIS
    A TCP connect to every web farm server on the ports ARR uses for it, each with its own timeout.
.DESCRIPTION
    Test-NetConnection has no timeout (a black-holed backend costs about 21 s of TCP retries plus a ping), so this
    uses System.Net.Sockets.TcpClient.BeginConnect and waits on its AsyncWaitHandle for at most TimeoutMs (both
    Windows PowerShell 5.1 and PowerShell 7). All connects start at once; the document is rewritten after each target
    completes (complete = false until the last), so a collector stopped at its deadline still leaves what it found.
    Targets: the given computers on -Port, or every server of every web farm (appcmd, administrator) on its own
    applicationRequestRouting httpPort and httpsPort (defaults 80 and 443, arr_schema.xml).
    Prints one JSON document (schema arr502.backends).
.PARAMETER ComputerName
    Backends to test; default: the farm servers from the configuration.
.PARAMETER Port
    TCP port for -ComputerName.
.PARAMETER TimeoutMs
    Deadline of one connect.
.PARAMETER DeadlineSeconds
    Deadline of the whole run; targets still open then are written as not finished.
.PARAMETER AppCmd
    Path of appcmd.exe.
.PARAMETER OutFile
    Write the document here (UTF-8, ASCII-escaped) instead of to the pipeline.
.EXAMPLE
    .\Test-Arr502Backends.ps1 -ComputerName @('app01.contoso.local','app02.contoso.local') -Port 443 -TimeoutMs 2000
#>
[CmdletBinding()]
param(
    [string[]]$ComputerName = @(),
    [ValidateRange(1, 65535)][int]$Port = 443,
    [ValidateRange(100, 60000)][int]$TimeoutMs = 3000,
    [ValidateRange(1, 600)][int]$DeadlineSeconds = 15,
    [string]$AppCmd = (Join-Path -Path $env:windir -ChildPath 'system32\inetsrv\appcmd.exe'),
    [string]$OutFile = ''
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'Arr502Common.ps1')

function Get-Arr502FarmTargets {
    [CmdletBinding()]
    param()
    $text = (& $AppCmd list config '-section:webFarms' /xml 2>&1 | Out-String)
    if ($LASTEXITCODE -ne 0) {
        throw ("appcmd list config -section:webFarms exited {0} as {1} (administrator needed): {2}" -f $LASTEXITCODE, (Get-Arr502Identity).name, $text.Trim())
    }
    [xml]$farms = $text
    foreach ($server in @($farms.SelectNodes('//webFarm/server'))) {
        $arr = $server.SelectSingleNode('applicationRequestRouting')
        $http = 80
        $https = 443
        if ($null -ne $arr -and $arr.HasAttribute('httpPort')) { $http = [int]$arr.GetAttribute('httpPort') }
        if ($null -ne $arr -and $arr.HasAttribute('httpsPort')) { $https = [int]$arr.GetAttribute('httpsPort') }
        $farm = $server.ParentNode.GetAttribute('name')
        $address = $server.GetAttribute('address')
        [ordered]@{ farm = $farm; computerName = $address; port = $http; scheme = 'http' }
        [ordered]@{ farm = $farm; computerName = $address; port = $https; scheme = 'https' }
    }
}

$results = New-Object -TypeName System.Collections.ArrayList
$problems = New-Object -TypeName System.Collections.ArrayList

function Save-Arr502Partial {
    [CmdletBinding()]
    param([bool]$Complete, [int]$Targets)
    if ($OutFile -ne '' -or $Complete) {
        Write-Arr502Document -Schema 'backends' -OutFile $OutFile -Data ([ordered]@{
                timeoutMs = $TimeoutMs
                targets   = $Targets
                complete  = $Complete
                results   = @($results)
                problems  = @($problems)
            })
    }
}

try {
    $targets = @()
    if ($ComputerName.Count -gt 0) {
        $targets = @($ComputerName | ForEach-Object -Process { [ordered]@{ farm = $null; computerName = $_; port = $Port; scheme = $null } })
    } else {
        $targets = @(Get-Arr502FarmTargets)
    }
    $deadline = (Get-Date).AddSeconds($DeadlineSeconds)
    $open = @()
    foreach ($t in $targets) {
        $client = New-Object -TypeName System.Net.Sockets.TcpClient
        $started = Get-Date
        $async = $null
        $startError = $null
        try {
            $async = $client.BeginConnect($t.computerName, $t.port, $null, $null)
        } catch {
            $startError = $_.Exception.InnerException
            if ($null -eq $startError) { $startError = $_.Exception }
        }
        $open += [ordered]@{ target = $t; client = $client; async = $async; started = $started; error = $startError }
    }
    Save-Arr502Partial -Complete $false -Targets $targets.Count
    foreach ($o in $open) {
        $t = $o.target
        $ok = $false
        $detail = $null
        $remote = $null
        if ($null -ne $o.error) {
            $detail = "connect failed: $($o.error.Message -replace '[\r\n]+', ' ')"
        } else {
            $left = [int][Math]::Min($TimeoutMs - ((Get-Date) - $o.started).TotalMilliseconds, ($deadline - (Get-Date)).TotalMilliseconds)
            $done = $o.async.IsCompleted -or ($left -gt 0 -and $o.async.AsyncWaitHandle.WaitOne($left))
            if (-not $done) {
                $detail = $(if ((Get-Date) -ge $deadline) { "not finished by the collector deadline ($DeadlineSeconds s)" } else { "timed out after $TimeoutMs ms" })
            } else {
                try {
                    $o.client.EndConnect($o.async)
                    $ok = $true
                    $remote = [string]$o.client.Client.RemoteEndPoint.Address
                    $detail = 'TCP connect succeeded'
                } catch {
                    $inner = $_.Exception.InnerException
                    $se = $(if ($inner -is [System.Net.Sockets.SocketException]) { $inner } else { $null })
                    # SocketErrorCode is language-neutral (ConnectionRefused, TimedOut, HostNotFound); the message is not
                    $detail = $(if ($null -ne $se) { "connect failed: $($se.SocketErrorCode)" } else { "connect failed: $($_.Exception.Message -replace '[\r\n]+', ' ')" })
                }
            }
        }
        $o.client.Close()
        [void]$results.Add([ordered]@{
                farm             = $t.farm
                computerName     = $t.computerName
                scheme           = $t.scheme
                remoteAddress    = $remote
                remotePort       = $t.port
                tcpTestSucceeded = $ok
                elapsedMs        = [int]((Get-Date) - $o.started).TotalMilliseconds
                detail           = $detail
            })
        Save-Arr502Partial -Complete $false -Targets $targets.Count
    }
    Save-Arr502Partial -Complete $true -Targets $targets.Count
    exit 0
} catch {
    Write-Arr502Error -Schema 'backends' -Message $_.Exception.Message -OutFile $OutFile
    exit 2
}
