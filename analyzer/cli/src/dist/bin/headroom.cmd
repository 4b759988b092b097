@echo off
rem Headroom's launcher for Windows: finds Java 17 or later, adds the JVM options that make short runs fast,
rem and runs lib\headroom.jar with the arguments unchanged (%*). It exits with Headroom's exit code, or 2
rem (one line on standard error) when no usable Java is found. The same as bin/headroom, except that it
rem makes no class-data archive.
rem
rem   JAVA_HOME      the Java to run (else java.exe on the PATH)
rem   JAVA_OPTS      JVM options, after the launcher's own (so they override them)
rem   HEADROOM_OPTS  JVM options for Headroom alone, after JAVA_OPTS: set HEADROOM_OPTS=-Xmx4g
setlocal

set "HEADROOM_JAR=%~dp0..\lib\headroom.jar"
if exist "%HEADROOM_JAR%" goto findJava
echo headroom: error: %HEADROOM_JAR% is missing: unpack the whole distribution zip 1>&2
exit /b 2

:findJava
if not defined JAVA_HOME goto javaOnPath
set "JAVA_EXE=%JAVA_HOME%\bin\java.exe"
if exist "%JAVA_EXE%" goto checkVersion
echo headroom: error: JAVA_HOME is %JAVA_HOME%, which has no bin\java.exe: set it to a Java 17+ installation or unset it 1>&2
exit /b 2

:javaOnPath
set "JAVA_EXE="
for %%j in (java.exe) do set "JAVA_EXE=%%~$PATH:j"
if defined JAVA_EXE goto checkVersion
echo headroom: error: no Java found: install Java 17 or later, or set JAVA_HOME 1>&2
exit /b 2

:checkVersion
rem "java -fullversion" prints openjdk full version "17.0.15+6": the major version is the second token, the
rem third for 1.8 and older. "call" keeps cmd from stripping the quotes of a path with parentheses in it.
set "JAVA_MAJOR="
set "JAVA_MINOR="
for /f tokens^=2-3^ delims^=.-_+^" %%v in ('call "%JAVA_EXE%" -fullversion 2^>^&1') do (
  set "JAVA_MAJOR=%%v"
  set "JAVA_MINOR=%%w"
)
if "%JAVA_MAJOR%"=="1" set "JAVA_MAJOR=%JAVA_MINOR%"
set "JAVA_MAJOR_NUMBER=0"
set /a "JAVA_MAJOR_NUMBER=%JAVA_MAJOR%" 2>nul
if %JAVA_MAJOR_NUMBER% GEQ 17 goto measureInputs
echo headroom: error: %JAVA_EXE% is Java %JAVA_MAJOR%: Headroom needs Java 17 or later (set JAVA_HOME) 1>&2
exit /b 2

:measureInputs
rem Small inputs run on the C1 compiler alone (see bin/headroom). Each file counts in whole KiB.
set /a INPUT_KIB=0
call :inputSize %*
set "TIER="
if %INPUT_KIB% LEQ @headroom.launcher.c1OnlyMaxKiB@ set "TIER=-XX:TieredStopAtLevel=1"
rem On two processors or one, a single compiler thread (see bin/headroom).
if defined TIER if "%NUMBER_OF_PROCESSORS%"=="1" set "TIER=%TIER% -XX:CICompilerCount=1"
if defined TIER if "%NUMBER_OF_PROCESSORS%"=="2" set "TIER=%TIER% -XX:CICompilerCount=1"
rem The heap ceiling: for larger inputs one that grows with them, for small ones the smaller one (see bin/headroom).
set /a "HEAP_MIB=INPUT_KIB/1024*@headroom.launcher.largeInputHeapPerInput@"
if %HEAP_MIB% LSS @headroom.launcher.largeInputHeapMinMiB@ set "HEAP_MIB=@headroom.launcher.largeInputHeapMinMiB@"
if %HEAP_MIB% GTR @headroom.launcher.largeInputHeapMaxMiB@ set "HEAP_MIB=@headroom.launcher.largeInputHeapMaxMiB@"
set "HEAP_MAX=%HEAP_MIB%m"
if %INPUT_KIB% LEQ @headroom.launcher.smallInputMaxKiB@ set "HEAP_MAX=@headroom.launcher.smallInputHeapMax@"
rem A small input's run is short: C1's compile thresholds at a quarter of their defaults (see bin/headroom).
if defined TIER if %INPUT_KIB% LEQ @headroom.launcher.smallInputMaxKiB@ set "TIER=%TIER% -XX:Tier3InvocationThreshold=50 -XX:Tier3MinInvocationThreshold=25 -XX:Tier3CompileThreshold=500"
rem The throughput collector for small inputs, promoting what survives a young collection at the next one (see
rem bin/headroom), unless the user's options name a collector or turn one off: JAVA_OPTS, HEADROOM_OPTS, or
rem JDK_JAVA_OPTIONS, JAVA_TOOL_OPTIONS and _JAVA_OPTIONS, which the JVM reads itself.
set "GC="
if %INPUT_KIB% LEQ @headroom.launcher.smallInputMaxKiB@ set "GC=-XX:+UseParallelGC -XX:MaxTenuringThreshold=1"
echo.%JAVA_OPTS% %HEADROOM_OPTS% %JDK_JAVA_OPTIONS% %JAVA_TOOL_OPTIONS% %_JAVA_OPTIONS% | findstr /r /c:"-XX:+Use[A-Za-z0-9]*GC\>" /c:"-XX:-Use[A-Za-z0-9]*GC\>" >nul && set "GC="
rem With it, the heap at its ceiling from the start (see bin/headroom).
set "INITIAL="
if defined GC set "INITIAL=-Xms@headroom.launcher.smallInputHeapMax@"
rem When the user's options size the heap, the launcher sizes none of it (see bin/headroom).
set "CEILING=-Xmx%HEAP_MAX%"
echo.%JAVA_OPTS% %HEADROOM_OPTS% %JDK_JAVA_OPTIONS% %JAVA_TOOL_OPTIONS% %_JAVA_OPTIONS% | findstr /r /c:"-Xm[sx]" /c:"-XX:MaxHeapSize=" /c:"-XX:InitialHeapSize=" /c:"-XX:MinHeapSize=" /c:"-XX:MaxRAM=" /c:"RAMPercentage=" /c:"RAMFraction=" >nul && (set "CEILING=" & set "INITIAL=")

rem The heap ceiling first and JAVA_OPTS, HEADROOM_OPTS after it (the later option wins); JVM warnings to
rem standard error, where Headroom's own go, never into a report on standard output.
"%JAVA_EXE%" %CEILING% %INITIAL% %TIER% %GC% -Xlog:disable -Xlog:all=warning:stderr %JAVA_OPTS% %HEADROOM_OPTS% -jar "%HEADROOM_JAR%" %*
exit /b %ERRORLEVEL%

rem Adds the size of each argument that names an existing file or directory to INPUT_KIB, except the values
rem of options: every option that takes a value is listed (CLI tests check the list against the check command's).
:inputSize
if "%~1"=="" exit /b 0
for %%o in (-cp --classpath --jdk --root --interrupt-root --init-root --root-annotation --exclude --rule --ram-budget --stack-budget --source-root --sarif-category --layout --cost-model --rules --format -o --output --report-dir --fail-on --max-findings --baseline --write-baseline --flow-facts --dispatch --cold-paths --assertions --timing-exceptions --group-by --cache-dir --threads) do if "%~1"=="%%o" goto skipValue
if exist "%~1\*" (
  for /r "%~1" %%f in (*) do set /a "INPUT_KIB+=(%%~zf+1023)/1024"
) else if exist "%~1" (
  set /a "INPUT_KIB+=(%~z1+1023)/1024"
)
shift
goto inputSize
:skipValue
shift
shift
goto inputSize
