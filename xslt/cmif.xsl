<?xml version="1.0" encoding="UTF-8"?>
<!--
  cmif.xsl: the correspondence metadata of a teikit TEI document as a correspSearch CMIF
  file (Correspondence Metadata Interchange Format, v2; TEI, valid against tei_all).

  Output
    TEI/teiHeader/fileDesc
      titleStmt/title            the document's title
      titleStmt/editor           only when the parameter "editor" is given
      publicationStmt/publisher  the document's publisher (else its distributor)
      publicationStmt/idno type="url"
                                 the parameter "url" if given, else the document's URL
      publicationStmt/date when  the document's creation date (creation/date/@when, else
                                 the citation's date): taken from the input, never the
                                 time of the run
      publicationStmt/availability/licence   CC-BY 4.0, as CMIF requires
      sourceDesc/bibl type="online" xml:id="source"   the citation's text
    TEI/teiHeader/profileDesc/correspDesc ref="URL" source="#source"
      correspAction type="sent" | "received", each with, in CMIF's order:
        persName / orgName       the names (name, roleName and rs, whose kind teikit
                                 does not know, are written as persName, which CMIF
                                 requires for every correspondent that is no
                                 organisation); @ref copied
        placeName                placeName, settlement, country or geogName; @ref copied
        date                     the dating attributes (@when, @from, @to, @notBefore,
                                 @notAfter), when it has any
    TEI/text/body/p              empty, as in every CMIF file
  Only what the input has is written: no correspDesc (and no profileDesc) without one in
  the input, no correspAction without names, place or date, no date without @when.

  Parameters
    editor   the name of the person responsible for the CMIF file (titleStmt/editor)
    email    that person's e-mail address (editor/email; only with editor)
    url      the address of the CMIF file itself (publicationStmt/idno); default: the
             document's URL
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                xmlns="http://www.tei-c.org/ns/1.0"
                exclude-result-prefixes="tei">

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="editor" select="''"/>
  <xsl:param name="email" select="''"/>
  <xsl:param name="url" select="''"/>

  <xsl:variable name="header" select="/tei:TEI/tei:teiHeader"/>
  <xsl:variable name="fd" select="$header/tei:fileDesc"/>
  <xsl:variable name="pd" select="$header/tei:profileDesc"/>
  <xsl:variable name="bibl" select="$fd/tei:sourceDesc/tei:bibl[1]"/>
  <xsl:variable name="doc-url" select="normalize-space(($fd/tei:publicationStmt/tei:idno[translate(@type, 'URIL', 'uril') = 'uri' or translate(@type, 'URL', 'url') = 'url'] | $bibl//tei:ref/@target)[1])"/>

  <xsl:template match="/">
    <xsl:variable name="date" select="($pd/tei:creation//tei:date[@when] | $bibl/tei:date[@when][not(@type = 'publication')])[1]"/>
    <xsl:variable name="publisher" select="($fd/tei:publicationStmt/tei:publisher | $fd/tei:publicationStmt/tei:distributor | $bibl/tei:publisher)[normalize-space()][1]"/>
    <xsl:variable name="actions" select="$pd/tei:correspDesc[1]/tei:correspAction[@type = 'sent' or @type = 'received']
                                         [tei:persName | tei:orgName | tei:name | tei:roleName | tei:rs | tei:placeName
                                          | tei:settlement | tei:country | tei:geogName | tei:date[@when or @from or @to or @notBefore or @notAfter]]"/>

    <TEI>
      <teiHeader>
        <fileDesc>
          <titleStmt>
            <title><xsl:apply-templates select="$fd/tei:titleStmt/tei:title[1]" mode="text"/></title>
            <xsl:if test="normalize-space($editor)">
              <editor>
                <xsl:value-of select="normalize-space($editor)"/>
                <xsl:if test="normalize-space($email)">
                  <email><xsl:value-of select="normalize-space($email)"/></email>
                </xsl:if>
              </editor>
            </xsl:if>
          </titleStmt>
          <publicationStmt>
            <xsl:choose>
              <xsl:when test="$publisher">
                <publisher><xsl:apply-templates select="$publisher" mode="text"/></publisher>
                <xsl:choose>
                  <xsl:when test="normalize-space($url)"><idno type="url"><xsl:value-of select="normalize-space($url)"/></idno></xsl:when>
                  <xsl:when test="$doc-url != ''"><idno type="url"><xsl:value-of select="$doc-url"/></idno></xsl:when>
                </xsl:choose>
                <xsl:if test="$date">
                  <date when="{normalize-space($date/@when)}"/>
                </xsl:if>
                <availability>
                  <licence target="https://creativecommons.org/licenses/by/4.0/">CC-BY 4.0</licence>
                </availability>
              </xsl:when>
              <!-- No publisher at all: TEI then wants prose; say where the data come from. -->
              <xsl:otherwise>
                <p>
                  <xsl:apply-templates select="$fd/tei:publicationStmt" mode="text"/>
                </p>
              </xsl:otherwise>
            </xsl:choose>
          </publicationStmt>
          <sourceDesc>
            <bibl type="online" xml:id="source">
              <xsl:choose>
                <xsl:when test="$bibl"><xsl:apply-templates select="$bibl" mode="text"/></xsl:when>
                <xsl:otherwise><xsl:apply-templates select="$fd/tei:titleStmt/tei:title[1]" mode="text"/></xsl:otherwise>
              </xsl:choose>
            </bibl>
          </sourceDesc>
        </fileDesc>
        <xsl:if test="$actions">
          <profileDesc>
            <correspDesc source="#source">
              <xsl:if test="$doc-url != ''">
                <xsl:attribute name="ref"><xsl:value-of select="$doc-url"/></xsl:attribute>
              </xsl:if>
              <xsl:apply-templates select="$actions[@type = 'sent']"/>
              <xsl:apply-templates select="$actions[@type = 'received']"/>
            </correspDesc>
          </profileDesc>
        </xsl:if>
      </teiHeader>
      <text>
        <body>
          <p/>
        </body>
      </text>
    </TEI>
  </xsl:template>

  <!-- A correspAction: names, then places, then the date (CMIF's order). -->
  <xsl:template match="tei:correspAction">
    <correspAction type="{@type}">
      <xsl:for-each select="tei:persName | tei:orgName | tei:name | tei:roleName | tei:rs">
        <xsl:choose>
          <xsl:when test="self::tei:orgName">
            <orgName><xsl:call-template name="ref"/><xsl:apply-templates select="." mode="text"/></orgName>
          </xsl:when>
          <xsl:otherwise>
            <persName><xsl:call-template name="ref"/><xsl:apply-templates select="." mode="text"/></persName>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
      <xsl:for-each select="tei:placeName | tei:settlement | tei:country | tei:geogName">
        <placeName><xsl:call-template name="ref"/><xsl:apply-templates select="." mode="text"/></placeName>
      </xsl:for-each>
      <xsl:for-each select="tei:date[@when or @from or @to or @notBefore or @notAfter][1]">
        <date>
          <xsl:copy-of select="@when | @from | @to | @notBefore | @notAfter"/>
        </date>
      </xsl:for-each>
    </correspAction>
  </xsl:template>

  <!-- @ref (an authority record) copied when there is one. -->
  <xsl:template name="ref">
    <xsl:if test="normalize-space(@ref)">
      <xsl:attribute name="ref"><xsl:value-of select="normalize-space(@ref)"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- Text content: normalised, notes left out, line breaks as spaces. Applied to an
       element, it writes the normalised text of the element's content. -->
  <xsl:template match="*" mode="text">
    <xsl:variable name="t"><xsl:apply-templates mode="text-raw"/></xsl:variable>
    <xsl:value-of select="normalize-space($t)"/>
  </xsl:template>
  <xsl:template match="tei:note" mode="text-raw"/>
  <xsl:template match="tei:lb" mode="text-raw"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="tei:p | tei:head | tei:item" mode="text-raw">
    <xsl:text> </xsl:text><xsl:apply-templates mode="text-raw"/><xsl:text> </xsl:text>
  </xsl:template>
  <xsl:template match="*" mode="text-raw"><xsl:apply-templates mode="text-raw"/></xsl:template>

</xsl:stylesheet>
