"""JUnit XML, which most CI servers show as a test report: one failed test case per finding."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from ..finding import Finding
from .context import TOOL_NAME, ReportContext
from .escape import printable_finding


def format_junit(findings: list[Finding], context: ReportContext | None = None) -> str:
    findings = [printable_finding(finding) for finding in findings]  # XML 1.0 has no ESC, no BEL
    failures = [finding for finding in findings if finding.severity == "error"]
    suites = ET.Element("testsuites", name=TOOL_NAME, tests=str(max(1, len(findings))), failures=str(len(failures)))
    suite = ET.SubElement(
        suites, "testsuite", name=TOOL_NAME, tests=str(max(1, len(findings))), failures=str(len(failures)), errors="0"
    )
    for finding in findings:
        case = ET.SubElement(
            suite,
            "testcase",
            classname=finding.path,
            name=f"{finding.rule_id} {finding.rule_name} {finding.line}:{finding.column}",
        )
        text = f"{finding.path}:{finding.line}:{finding.column}: {finding.message}"
        if finding.fix:
            text += f"\n{finding.fix}"
        # errors fail the build; warnings and info are reported but do not fail the test case
        if finding.severity == "error":
            element = ET.SubElement(case, "failure", message=finding.message, type=finding.severity)
        else:
            element = ET.SubElement(case, "system-out")
        element.text = text
    if not findings:
        ET.SubElement(suite, "testcase", classname=TOOL_NAME, name="no problem found")
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
