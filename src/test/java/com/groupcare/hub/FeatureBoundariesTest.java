package com.groupcare.hub;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Features talk through their small public face; shared code never depends on a feature. */
@AnalyzeClasses(packages = "com.groupcare.hub", importOptions = ImportOption.DoNotIncludeTests.class)
class FeatureBoundariesTest {

    @ArchTest
    static final ArchRule commonDependsOnNoFeature = noClasses().that().resideInAPackage("..hub.common..")
            .should().dependOnClassesThat().resideInAnyPackage("..hub.membership..", "..hub.exchange..",
                    "..hub.platform..", "..hub.security..", "..hub.claim..", "..hub.contract..", "..hub.provider..");

    @ArchTest
    static final ArchRule exchangeKnowsNoBusinessFeature = noClasses().that().resideInAPackage("..hub.exchange..")
            .should().dependOnClassesThat().resideInAnyPackage("..hub.membership..", "..hub.claim..", "..hub.contract..",
                    "..hub.provider..");

    @ArchTest
    static final ArchRule contractsKnowNoClaims = noClasses().that().resideInAPackage("..hub.contract..")
            .should().dependOnClassesThat().resideInAnyPackage("..hub.claim..", "..hub.membership..");

    @ArchTest
    static final ArchRule featuresDoNotReachIntoThePlatform = noClasses().that()
            .resideInAnyPackage("..hub.membership..", "..hub.exchange..", "..hub.claim..", "..hub.contract..",
                    "..hub.provider..")
            .should().dependOnClassesThat().resideInAPackage("..hub.platform..");
}
