package com.groupcare.hub.provider;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Claims and allocation see providers through a small public face; the rest stays package-private. */
@AnalyzeClasses(packages = "com.groupcare.hub", importOptions = ImportOption.DoNotIncludeTests.class)
class ProviderBoundariesTest {

    @ArchTest
    static final ArchRule onlyTheReadModelTheRepositoryAndTheApiArePublic = classes().that()
            .resideInAPackage("..hub.provider..").and().arePublic()
            .should().haveSimpleNameStartingWith("Provider").orShould().haveSimpleName("Specialty")
            .orShould().haveSimpleName("Status").orShould().haveSimpleName("RejectedLine")
            .because("other features use Provider, ProviderRepository and the API types, not the import's insides");

    @ArchTest
    static final ArchRule writersStayPackagePrivate = classes().that()
            .haveFullyQualifiedName(ProviderStore.class.getName()).or().haveFullyQualifiedName(ProviderService.class.getName())
            .or().haveFullyQualifiedName(ProviderLineParser.class.getName())
            .or().haveFullyQualifiedName(ProviderRules.class.getName())
            .should().notBePublic().because("every provider write goes through the audited service");

    @ArchTest
    static final ArchRule providerKnowsNoOtherFeatureNorThePlatform = noClasses().that().resideInAPackage("..hub.provider..")
            .should().dependOnClassesThat().resideInAnyPackage("..hub.membership..", "..hub.exchange..",
                    "..hub.platform..", "..hub.claim..", "..hub.contract..");
}
