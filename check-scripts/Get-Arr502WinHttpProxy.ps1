<#
.SYNOPSIS
    The machine-wide WinHTTP proxy, which ARR's WinHTTP calls to the backends go through, ARR's own proxy@proxy and
    ARR's SecureConnectionIgnoreFlags.
.DESCRIPTION
    Asks WinHTTP itself with WinHttpGetDefaultProxyConfiguration (documented in winhttp.h: WINHTTP_PROXY_INFO with
    dwAccessType, lpszProxy, lpszProxyBypass), which is the same on every display language. Only when that call is not
    possible is `netsh winhttp show proxy` parsed; its text is localized, so that answer carries source = "netsh-text"
    and certain = false. Also reads ARR's upstream proxy settings, system.webServer/proxy@proxy and @proxyBypass
    (arr_schema.xml), with appcmd when it can (administrator), and which backend certificate errors ARR ignores: the
    registry value SecureConnectionIgnoreFlags (KB 2693489). Needs: any user for WinHTTP and the registry (HKLM\SOFTWARE
    is readable by Users by default); an administrator for appcmd.
    Prints one JSON document (schema arr502.winhttp-proxy).
.PARAMETER AppCmd
    Path of appcmd.exe.
.PARAMETER OutFile
    Write the document here (UTF-8, ASCII-escaped) instead of to the pipeline.
.EXAMPLE
    .\Get-Arr502WinHttpProxy.ps1
#>
[CmdletBinding()]
param(
    [string]$AppCmd = (Join-Path -Path $env:windir -ChildPath 'system32\inetsrv\appcmd.exe'),
    [string]$OutFile = ''
)
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'
. (Join-Path -Path $PSScriptRoot -ChildPath 'Arr502Common.ps1')

$signature = @'
[StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
public struct WINHTTP_PROXY_INFO { public int dwAccessType; public IntPtr lpszProxy; public IntPtr lpszProxyBypass; }
[DllImport("winhttp.dll", SetLastError = true, CharSet = CharSet.Unicode)]
public static extern bool WinHttpGetDefaultProxyConfiguration(ref WINHTTP_PROXY_INFO info);
[DllImport("kernel32.dll")]
public static extern IntPtr GlobalFree(IntPtr mem);
'@

try {
    $problems = New-Object -TypeName System.Collections.ArrayList
    $result = [ordered]@{ direct = $null; proxyServer = $null; bypassList = $null; source = $null; certain = $false; raw = $null }
    try {
        $native = Add-Type -MemberDefinition $signature -Name 'Arr502WinHttp' -Namespace 'Arr502' -PassThru |
            Where-Object -FilterScript { $_.Name -eq 'Arr502WinHttp' }
        $info = New-Object -TypeName 'Arr502.Arr502WinHttp+WINHTTP_PROXY_INFO'
        if (-not $native::WinHttpGetDefaultProxyConfiguration([ref]$info)) {
            throw ('WinHttpGetDefaultProxyConfiguration failed with Win32 error {0}' -f [System.Runtime.InteropServices.Marshal]::GetLastWin32Error())
        }
        # WINHTTP_ACCESS_TYPE_NO_PROXY = 1, WINHTTP_ACCESS_TYPE_NAMED_PROXY = 3
        $result.direct = ($info.dwAccessType -ne 3)
        if ($info.lpszProxy -ne [IntPtr]::Zero) {
            $result.proxyServer = [System.Runtime.InteropServices.Marshal]::PtrToStringUni($info.lpszProxy)
            [void]$native::GlobalFree($info.lpszProxy)
        }
        if ($info.lpszProxyBypass -ne [IntPtr]::Zero) {
            $result.bypassList = [System.Runtime.InteropServices.Marshal]::PtrToStringUni($info.lpszProxyBypass)
            [void]$native::GlobalFree($info.lpszProxyBypass)
        }
        $result.source = 'WinHttpGetDefaultProxyConfiguration'
        $result.certain = $true
    } catch {
        [void]$problems.Add("winhttp-proxy: WinHttpGetDefaultProxyConfiguration unavailable ($($_.Exception.Message -replace '[\r\n]+', ' ')); netsh text parsed instead, which is localized and uncertain")
        $netsh = Join-Path -Path $env:windir -ChildPath 'system32\netsh.exe'
        $raw = (& $netsh winhttp show proxy | Out-String)
        if ($LASTEXITCODE -ne 0) {
            throw "netsh exited $LASTEXITCODE"
        }
        $result.raw = $raw
        $result.source = 'netsh-text'
        # English wording only: on other languages these stay null and certain stays false
        if ($raw -match 'Direct access \(no proxy server\)') {
            $result.direct = $true
        } elseif ($raw -match 'Proxy Server\(s\)\s*:\s*(.+)') {
            $result.direct = $false
            $result.proxyServer = $Matches[1].Trim()
            if ($raw -match 'Bypass List\s*:\s*(.+)') {
                $result.bypassList = $Matches[1].Trim()
            }
        }
    }
    $arr = [ordered]@{ read = $false; proxy = $null; proxyBypass = $null }
    if (Test-Path -LiteralPath $AppCmd) {
        $xmlText = (& $AppCmd list config '-section:system.webServer/proxy' /xml 2>&1 | Out-String)
        if ($LASTEXITCODE -eq 0) {
            [xml]$x = $xmlText
            $node = $x.SelectSingleNode('//system.webServer-proxy')
            if ($null -ne $node) {
                $arr.read = $true
                $arr.proxy = $(if ($node.HasAttribute('proxy')) { $node.GetAttribute('proxy') } else { $null })
                $arr.proxyBypass = $(if ($node.HasAttribute('proxyBypass')) { $node.GetAttribute('proxyBypass') } else { $null })
            }
        } else {
            [void]$problems.Add("winhttp-proxy: appcmd could not read system.webServer/proxy as $((Get-Arr502Identity).name) (administrator needed): $($xmlText.Trim() -replace '[\r\n]+', ' ')")
        }
    }
    $result['arr'] = $arr
    # which backend certificate errors ARR ignores (iis-docs "ARR: Support Added for WINHTTP_OPTION_SECURITY_FLAGS",
    # KB 2693489): a DWORD of SECURITY_FLAG_IGNORE_* bits; absent (or 0) = ARR's default, name mismatches ignored
    $flagsKey = 'SOFTWARE\Microsoft\IIS Extensions\Application Request Routing\Parameters'
    $secure = [ordered]@{ read = $false; key = "HKLM\$flagsKey"; present = $false; valueKind = $null; flags = $null; raw = $null }
    try {
        # the 64-bit view: ARR is a 64-bit module, and a 32-bit PowerShell would otherwise read WOW6432Node
        $hklm = [Microsoft.Win32.RegistryKey]::OpenBaseKey([Microsoft.Win32.RegistryHive]::LocalMachine, [Microsoft.Win32.RegistryView]::Registry64)
        $params = $hklm.OpenSubKey($flagsKey)
        if ($null -ne $params) {
            $value = $params.GetValue('SecureConnectionIgnoreFlags')
            if ($null -ne $value) {
                $secure.present = $true
                $secure.valueKind = [string]$params.GetValueKind('SecureConnectionIgnoreFlags')
                if ($secure.valueKind -eq 'DWord') {
                    # a DWORD arrives as a signed Int32: its four bytes as UInt32, so 0x80000000 and above stay positive
                    $secure.flags = [System.BitConverter]::ToUInt32([System.BitConverter]::GetBytes([int]$value), 0)
                } else {
                    $secure.raw = [string]$value
                    [void]$problems.Add("winhttp-proxy: SecureConnectionIgnoreFlags is a $($secure.valueKind), not the DWORD KB 2693489 describes; what ARR makes of it is not documented")
                }
            }
            $params.Close()
        }
        $secure.read = $true
    } catch {
        if (Test-Arr502AccessDenied -Record $_) {
            [void]$problems.Add("winhttp-proxy: access denied reading HKLM\$flagsKey as $((Get-Arr502Identity).name); which certificate errors ARR ignores is unknown")
        } else {
            [void]$problems.Add("winhttp-proxy: cannot read HKLM\$flagsKey ($($_.Exception.Message -replace '[\r\n]+', ' ')); which certificate errors ARR ignores is unknown")
        }
    }
    $result['arrSecureConnection'] = $secure
    $result['problems'] = @($problems)
    Write-Arr502Document -Schema 'winhttp-proxy' -Data $result -OutFile $OutFile
    exit 0
} catch {
    Write-Arr502Error -Schema 'winhttp-proxy' -Message $_.Exception.Message -OutFile $OutFile
    exit 2
}
