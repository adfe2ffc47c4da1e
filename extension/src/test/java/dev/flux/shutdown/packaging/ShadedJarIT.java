package dev.flux.shutdown.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jboss.jandex.Index;
import org.jboss.jandex.IndexReader;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The jar as users get it, after the shade plugin: Jackson is inside, relocated, and nowhere else. A runtime that
 * looks for Jackson in a deployment (WildFly's RESTEasy switches the app's JSON provider when it finds Jackson
 * classes or annotations) finds none, and the POM users resolve does not pull Jackson in.
 */
class ShadedJarIT {

    private static final String RELOCATED = "dev/flux/shutdown/internal/jackson/";

    private final Path jar = Path.of(System.getProperty("flux.jar"));
    private final Path pom = Path.of(System.getProperty("flux.pom"));

    @Test
    void jarHoldsJacksonOnlyUnderTheRelocatedPackage() throws IOException {
        List<String> names = entryNames();

        assertThat(names).noneMatch(name -> name.startsWith("com/fasterxml/"))
                .contains(RELOCATED + "databind/ObjectMapper.class", RELOCATED + "core/JsonParser.class",
                        RELOCATED + "annotation/JsonIgnore.class",
                        RELOCATED + "datatype/jsr310/JavaTimeModule.class")
                .noneMatch(name -> name.endsWith("module-info.class"))
                .noneMatch(name -> name.startsWith("META-INF/versions/"));
    }

    @Test
    void noClassInTheJarRefersToAnUnrelocatedJacksonClass() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            for (JarEntry entry : Collections.list(file.entries())) {
                if (entry.getName().endsWith(".class")) {
                    try (InputStream in = file.getInputStream(entry)) {
                        // class references in the constant pool are written with slashes
                        if (new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains("com/fasterxml/")) {
                            offenders.add(entry.getName());
                        }
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void onlyTheLibrarysOwnServicesAreRegistered() throws IOException {
        assertThat(entryNames()).filteredOn(name -> name.startsWith("META-INF/services/") && !name.endsWith("/"))
                .containsExactlyInAnyOrder(
                        "META-INF/services/jakarta.enterprise.inject.spi.Extension",
                        "META-INF/services/jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension",
                        "META-INF/services/org.glassfish.jersey.internal.spi.AutoDiscoverable");
    }

    @Test
    void manifestMakesSunMiscAndJfrVisibleOnWildFly() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Dependencies"))
                    .isEqualTo("jdk.unsupported, jdk.jfr optional");
        }
    }

    @Test
    void manifestNamesTheModuleAfterTheApiPackage() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                    .isEqualTo("dev.flux.shutdown");
        }
    }

    @Test
    void licenseAndNoticesOfTheJarAndOfJacksonAreKept() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(text(file, "META-INF/LICENSE")).contains("Apache License").contains("Version 2.0");
            assertThat(text(file, "META-INF/NOTICE")).contains("flux-shutdown").contains("Jackson JSON processor")
                    .contains("FastDoubleParser").contains("Schubfach");
            assertThat(file.getEntry("META-INF/FastDoubleParser-LICENSE")).isNotNull();
            assertThat(file.getEntry("META-INF/Schubfach-LICENSE")).isNotNull();
        }
    }

    @Test
    void beansXmlExcludesTheRelocatedPackageFromDiscovery() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(text(file, "META-INF/beans.xml")).contains("bean-discovery-mode=\"annotated\"")
                    .contains("<exclude name=\"dev.flux.shutdown.internal.jackson.**\"/>");
        }
    }

    @Test
    void jarCarriesTheIndexOfTheLibrarysOwnClassesOnlyForQuarkus() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            JarEntry entry = file.getJarEntry("META-INF/jandex.idx");
            assertThat(entry).isNotNull();
            try (InputStream in = file.getInputStream(entry)) {
                Index index = new IndexReader(in).read();
                assertThat(index.getKnownClasses()).extracting(c -> c.name().toString())
                        .contains("dev.flux.shutdown.internal.cdi.portable.FluxShutdownExtension")
                        .allMatch(name -> name.startsWith("dev.flux.shutdown."))
                        .noneMatch(name -> name.startsWith("dev.flux.shutdown.internal.jackson."));
            }
        }
    }

    @Test
    void applicationsJsonIgnoreIsStillLookedForByItsOwnName() throws Exception {
        // the shade plugin rewrites string constants that name Jackson classes; this name is built at run time
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            var field = Class.forName("dev.flux.shutdown.internal.state.StateCodec$StateIntrospector", true, loader)
                    .getDeclaredField("APPLICATION_JSON_IGNORE");
            field.setAccessible(true);

            assertThat(field.get(null)).isEqualTo("com.fasterxml.jackson.annotation.JsonIgnore");
        }
    }

    @Test
    void pomThatUsersResolveDeclaresNoJackson() throws Exception {
        Document document = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(pom.toFile());
        NodeList groups = document.getElementsByTagName("groupId");
        List<String> dependencyGroups = new ArrayList<>();
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            if (group.getParentNode().getNodeName().equals("dependency")) {
                dependencyGroups.add(group.getTextContent().trim());
            }
        }

        assertThat(dependencyGroups).isNotEmpty().noneMatch(group -> group.startsWith("com.fasterxml"));
    }

    private List<String> entryNames() throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
        }
    }

    private static String text(JarFile file, String name) throws IOException {
        JarEntry entry = file.getJarEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = file.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
