<?xml version="1.0" encoding="UTF-8"?>
<!--
  csv.xsl: the recipient list of a teikit TEI document as CSV (RFC 4180).

  Columns: position,name,kind,element
    position  1-based index of the row
    name      the normalised text of the name (of the item's first orgName, persName or
              name child, else of the whole item)
    kind      organisation (orgName), person (persName) or unknown (anything else)
    element   the element that holds the name: orgName, persName, name (roleName or rs
              for an addressee), or item for an item without a name element
  Rows: one per item of the distribution lists (list type="distribution") of the text;
  when the text has none, one per addressee (persName, orgName, name, roleName, rs) of
  correspAction type="received". Only the header row when there are none either.

  RFC 4180: every line ends in CRLF; a field that holds a comma, a double quote, a CR or
  an LF is put in double quotes, with its double quotes doubled.

  Parameters
    header   "yes" (default) writes the header row; "no" leaves it out.
-->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:tei="http://www.tei-c.org/ns/1.0"
                exclude-result-prefixes="tei">

  <xsl:output method="text" encoding="UTF-8"/>

  <xsl:param name="header" select="'yes'"/>

  <xsl:variable name="CRLF" select="'&#13;&#10;'"/>

  <xsl:template match="/">
    <xsl:if test="$header != 'no'">
      <xsl:value-of select="concat('position,name,kind,element', $CRLF)"/>
    </xsl:if>
    <xsl:variable name="items" select="/tei:TEI/tei:text//tei:list[@type = 'distribution']/tei:item"/>
    <xsl:choose>
      <xsl:when test="$items">
        <xsl:for-each select="$items">
          <xsl:call-template name="row">
            <xsl:with-param name="pos" select="position()"/>
            <xsl:with-param name="name" select="(tei:orgName | tei:persName | tei:name)[1] | self::*[not(tei:orgName | tei:persName | tei:name)]"/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:for-each select="/tei:TEI/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'received']
                              /*[self::tei:persName or self::tei:orgName or self::tei:name or self::tei:roleName or self::tei:rs]">
          <xsl:call-template name="row">
            <xsl:with-param name="pos" select="position()"/>
            <xsl:with-param name="name" select="."/>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One row: position, the name's text, its kind, its element. -->
  <xsl:template name="row">
    <xsl:param name="pos"/>
    <xsl:param name="name"/>
    <xsl:value-of select="concat($pos, ',')"/>
    <xsl:call-template name="field">
      <xsl:with-param name="s"><xsl:apply-templates select="$name" mode="text"/></xsl:with-param>
    </xsl:call-template>
    <xsl:text>,</xsl:text>
    <xsl:choose>
      <xsl:when test="$name/self::tei:orgName">organisation</xsl:when>
      <xsl:when test="$name/self::tei:persName">person</xsl:when>
      <xsl:otherwise>unknown</xsl:otherwise>
    </xsl:choose>
    <xsl:value-of select="concat(',', local-name($name), $CRLF)"/>
  </xsl:template>

  <!-- The text of a name: notes left out (their text is not part of the name), white
       space normalised by "field". -->
  <xsl:template match="tei:note" mode="text"/>
  <xsl:template match="tei:lb" mode="text"><xsl:text> </xsl:text></xsl:template>

  <!-- One field: normalised, quoted when it must be. -->
  <xsl:template name="field">
    <xsl:param name="s"/>
    <xsl:variable name="v" select="normalize-space($s)"/>
    <xsl:choose>
      <xsl:when test="contains($v, ',') or contains($v, '&quot;') or contains($v, '&#13;') or contains($v, '&#10;')">
        <xsl:text>"</xsl:text>
        <xsl:call-template name="double-quotes"><xsl:with-param name="s" select="$v"/></xsl:call-template>
        <xsl:text>"</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Every " in $s doubled. -->
  <xsl:template name="double-quotes">
    <xsl:param name="s"/>
    <xsl:choose>
      <xsl:when test="contains($s, '&quot;')">
        <xsl:value-of select="concat(substring-before($s, '&quot;'), '&quot;&quot;')"/>
        <xsl:call-template name="double-quotes">
          <xsl:with-param name="s" select="substring-after($s, '&quot;')"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$s"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

</xsl:stylesheet>
